import type { ApiError } from '@contracts/errors'
import type { AdminCourseT, CourseDraftInput } from '@contracts/training'
import type { QuestionKind, TrainingLine } from '@contracts/training-labels'

/** A lesson as its editor holds it: the body and the checklist as typed, split when saved. */
export interface LessonForm {
  /** The editor's own key for the block, so a reorder moves the block rather than its contents. */
  key: string
  id?: string
  title: string
  scene: string
  /** Paragraphs separated by a blank line. */
  body: string
  photos: string[]
  videoUrl: string
  /** One point a line. */
  checklist: string
}

export interface QuestionForm {
  key: string
  text: string
  kind: QuestionKind
  options: { text: string; correct: boolean }[]
}

export interface CourseForm {
  id?: string
  line: TrainingLine
  title: string
  summary: string
  cover: string | null
  requiredFor: boolean
  lessons: LessonForm[]
  questions: QuestionForm[]
  passPercent: number
}

let made = 0
const newKey = () => `k${++made}`

export const blankLesson = (): LessonForm => ({ key: newKey(), title: '', scene: '', body: '', photos: [], videoUrl: '', checklist: '' })
export const blankQuestion = (): QuestionForm => ({ key: newKey(), text: '', kind: 'single', options: [{ text: '', correct: true }, { text: '', correct: false }] })
export const blankCourse = (): CourseForm => ({ line: 'presale', title: '', summary: '', cover: null, requiredFor: false, lessons: [blankLesson()], questions: [blankQuestion()], passPercent: 80 })

export function formOf(c: AdminCourseT): CourseForm {
  return {
    id: c.id,
    line: c.line,
    title: c.title,
    summary: c.summary,
    cover: c.cover,
    requiredFor: c.requiredFor,
    lessons: c.lessons.map((l) => ({ key: newKey(), id: l.id, title: l.title, scene: l.scene, body: l.paragraphs.join('\n\n'), photos: l.photos, videoUrl: l.videoUrl ?? '', checklist: l.checklist.join('\n') })),
    questions: c.quiz.questions.map((q) => ({ key: newKey(), text: q.text, kind: q.kind, options: q.options.map((o) => ({ ...o })) })),
    passPercent: c.quiz.passPercent
  }
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)

export function draftOf(f: CourseForm): CourseDraftInput {
  return {
    line: f.line,
    title: f.title,
    summary: f.summary,
    cover: f.cover,
    requiredFor: f.requiredFor,
    lessons: f.lessons.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      title: l.title,
      scene: l.scene,
      paragraphs: l.body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      photos: l.photos,
      videoUrl: l.videoUrl.trim() || null,
      checklist: lines(l.checklist)
    })),
    quiz: { questions: f.questions.map((q) => ({ text: q.text, kind: q.kind, options: q.options })), passPercent: f.passPercent }
  }
}

/** Moves item `i` of a list one place up (-1) or down (+1). */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by
  if (j < 0 || j >= list.length) return [...list]
  const next = [...list]
  ;[next[i], next[j]] = [next[j]!, next[i]!]
  return next
}

/** The first message the server gave for a field or anything under it (`course.lessons.0` covers its paragraphs). */
export function statusUnder(error: ApiError | null, path: string): { status?: 'error'; tips?: string } {
  const hit = error?.fields?.find((f) => f.path === path || f.path.startsWith(`${path}.`))
  return hit ? { status: 'error', tips: hit.message } : {}
}
