import type { Answers, Question } from '../../contracts/message-surveys'
import { CONTROL } from '../../contracts/common'
import type { FieldError } from '../../contracts/errors'
import { visibleKeys } from '../../contracts/survey-logic'

export type Answer = Answers[string]

function isBlank(a: Answer | undefined): boolean {
  return a === undefined || (Array.isArray(a) && a.length === 0) || (typeof a === 'string' && a.trim() === '')
}

/** Why an answer does not fit its question, or null when it does. */
function problem(q: Question, a: Answer): string | null {
  const range = (n: number, lo: number, hi: number) => Number.isInteger(n) && n >= lo && n <= hi
  switch (q.type) {
    case 'single':
      return typeof a === 'number' && range(a, 0, q.options.length - 1) ? null : '请选择一个选项'
    case 'multi':
      return Array.isArray(a) && a.every((o) => range(o, 0, q.options.length - 1)) && new Set(a).size === a.length ? null : '请从选项中选择'
    case 'rating': {
      const top = q.max ?? 5
      return typeof a === 'number' && range(a, 1, top) ? null : `请打 1 到 ${top} 分`
    }
    case 'number': {
      const lo = q.min ?? 0
      const hi = q.max ?? 100_000
      return typeof a === 'number' && range(a, lo, hi) ? null : `请填写 ${lo} 到 ${hi} 之间的整数`
    }
    case 'text':
      return typeof a === 'string' ? (CONTROL.test(a.replace(/[\n\t]/g, '')) ? '不能包含控制字符' : null) : '请填写文字'
  }
}

/**
 * The answers as kept: only shown questions, each fitting its type, every required shown one
 * answered. A refusal names each question by its title, as the person sees it.
 */
export function checkAnswers(questions: readonly Question[], answers: Answers): { ok: true; answers: Answers } | { ok: false; fields: FieldError[] } {
  const fields: FieldError[] = []
  const known = new Set(questions.map((q) => q.key))
  for (const key of Object.keys(answers)) if (!known.has(key)) fields.push({ path: `answers.${key}`, label: '答案', message: '问卷中没有这道题' })
  const shown = visibleKeys(questions, answers)
  const kept: Answers = {}
  for (const q of questions) {
    if (!shown.has(q.key)) continue
    const a = answers[q.key]
    if (isBlank(a)) {
      if (q.required) fields.push({ path: `answers.${q.key}`, label: q.title, message: '此题必答' })
      continue
    }
    const wrong = problem(q, a!)
    if (wrong) fields.push({ path: `answers.${q.key}`, label: q.title, message: wrong })
    else kept[q.key] = typeof a === 'string' ? a.trim() : a!
  }
  return fields.length ? { ok: false, fields } : { ok: true, answers: kept }
}

/** An answer as a spreadsheet cell or a list shows it: option labels, the score, the number, the text. */
export function answerText(q: Question, a: Answer | undefined): string {
  if (a === undefined) return ''
  if (q.type === 'single' && typeof a === 'number') return q.options[a] ?? ''
  if (q.type === 'multi' && Array.isArray(a)) return a.map((o) => q.options[o] ?? '').join('、')
  if (q.type === 'rating' && typeof a === 'number') return `${a} 分`
  return String(a)
}
