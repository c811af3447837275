import type { FieldError } from '../../contracts/errors'
import type { QuestionDoc } from './docs'

export type Scored = { ok: true; results: boolean[]; correct: number; total: number; scorePercent: number } | { ok: false; message: string; fields: FieldError[] }

/**
 * Scores answers (option indexes per question) against the questions: a question is right when
 * the options chosen are exactly its correct ones. The score is the share right, as a whole
 * percent rounded half up. Answers that do not fit the questions are refused, not scored as wrong.
 */
export function scoreQuiz(questions: readonly QuestionDoc[], answers: readonly (readonly number[])[]): Scored {
  const fields: FieldError[] = []
  if (answers.length !== questions.length) {
    const message = `测验共 ${questions.length} 题，提交了 ${answers.length} 题的答案`
    return { ok: false, message, fields: [{ path: 'answers', label: '答案', message }] }
  }
  questions.forEach((q, i) => {
    const chosen = answers[i] ?? []
    const path = `answers.${i}`
    const label = `第 ${i + 1} 题`
    if (chosen.length === 0) fields.push({ path, label, message: '还没有作答' })
    else if (new Set(chosen).size !== chosen.length || chosen.some((k) => k >= q.options.length)) fields.push({ path, label, message: '所选选项无效，请重新选择' })
    else if (q.kind === 'single' && chosen.length > 1) fields.push({ path, label, message: '单选题只能选一个' })
  })
  const [first] = fields
  if (first) return { ok: false, message: `${first.label ?? ''}${first.message}`, fields }
  const results = questions.map((q, i) => {
    const chosen = new Set(answers[i])
    return q.options.every((o, k) => o.correct === chosen.has(k))
  })
  const correct = results.filter(Boolean).length
  return { ok: true, results, correct, total: questions.length, scorePercent: Math.round((correct * 100) / questions.length) }
}
