import type { QuestionKind } from '@contracts/training-labels'

/** The options a butler has picked, per question (index = question), as the quiz page holds them while they tap. */
export type Picks = readonly (readonly number[] | undefined)[]

/**
 * A tap on an option: a single-choice question keeps only the tapped option; a multiple-choice
 * one toggles it, kept in option order.
 */
export function pick(kind: QuestionKind, picked: readonly number[] | undefined, option: number): number[] {
  if (kind === 'single') return [option]
  const now = picked ?? []
  return now.includes(option) ? now.filter((o) => o !== option) : [...now, option].sort((a, b) => a - b)
}

/**
 * The `answers` of `training.submitQuiz`: one list of option indexes per question, in question
 * order. A single-choice question sends at most one option (its last pick), a multiple-choice one
 * each picked option once, ascending; an unanswered question sends an empty list.
 */
export function quizAnswers(kinds: readonly QuestionKind[], picks: Picks): number[][] {
  return kinds.map((kind, i) => {
    const own = [...new Set(picks[i] ?? [])]
    if (kind === 'single') return own.slice(-1)
    return own.sort((a, b) => a - b)
  })
}

/** 1-based numbers of the questions with nothing picked, for the message before submitting. */
export function unanswered(kinds: readonly QuestionKind[], picks: Picks): number[] {
  return kinds.flatMap((_, i) => ((picks[i]?.length ?? 0) === 0 ? [i + 1] : []))
}
