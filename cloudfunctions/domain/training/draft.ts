import type { CourseDraft } from '../../contracts/training'
import type { Ports } from '../../kernel/ports'
import type { z } from 'zod'
import type { CourseDoc, LessonDoc, QuestionDoc } from './docs'

type Draft = z.output<typeof CourseDraft>
export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * The lessons as stored: a lesson the editor opened keeps its id (so butlers' read marks follow
 * it through edits and reorders); a new one, or an id the course does not hold, gets a fresh one.
 */
export function lessonsOf(ports: Ports, drafts: Draft['lessons'], before: readonly LessonDoc[]): LessonDoc[] {
  const known = new Set(before.map((l) => l.id))
  const taken = new Set<string>()
  return drafts.map(({ id, ...rest }) => {
    const keep = id !== undefined && known.has(id) && !taken.has(id)
    const lessonId = keep ? id : `l${ports.random.code(11, ALNUM)}`
    taken.add(lessonId)
    return { id: lessonId, ...rest }
  })
}

export function questionsOf(draft: Draft): QuestionDoc[] {
  return draft.quiz.questions.map((q) => ({ text: q.text, kind: q.kind, options: q.options.map((o) => ({ text: o.text, correct: o.correct })) }))
}

/** Whether the quiz a butler answers is unchanged: the same questions, options, answers and pass mark. */
export function sameQuiz(course: CourseDoc, questions: readonly QuestionDoc[], passPercent: number): boolean {
  return course.passPercent === passPercent && JSON.stringify(course.questions) === JSON.stringify(questions)
}
