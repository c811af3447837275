import type { Answers, Question } from './message-surveys'

/**
 * Which questions are shown, given the answers so far: a question with a condition is shown when
 * the question it names is shown and was answered with the option. The phone hides and shows
 * questions by it, and the server keeps and requires answers by it, so both agree.
 */
export function visibleKeys(questions: readonly Pick<Question, 'key' | 'showIf'>[], answers: Answers): Set<string> {
  const shown = new Set<string>()
  for (const q of questions) {
    if (!q.showIf) {
      shown.add(q.key)
      continue
    }
    const parent = answers[q.showIf.key]
    const hit = Array.isArray(parent) ? parent.includes(q.showIf.option) : parent === q.showIf.option
    if (shown.has(q.showIf.key) && hit) shown.add(q.key)
  }
  return shown
}
