/**
 * The quiz page's picks become `training.submitQuiz` answers: one list of option indexes per
 * question, a single choice at most one option, a multiple choice each option once in order.
 */
import type { QuestionKind } from '../../cloudfunctions/contracts/training-labels'
import { pick, quizAnswers, unanswered } from '../../src/packages/butler/quiz-answers'

const KINDS: QuestionKind[] = ['single', 'multiple', 'single', 'multiple']

describe('pick', () => {
  it('keeps only the tapped option of a single choice', () => {
    expect(pick('single', undefined, 2)).toEqual([2])
    expect(pick('single', [2], 0)).toEqual([0])
    expect(pick('single', [0], 0)).toEqual([0])
  })

  it('toggles an option of a multiple choice, kept in option order', () => {
    expect(pick('multiple', undefined, 3)).toEqual([3])
    expect(pick('multiple', [3], 0)).toEqual([0, 3])
    expect(pick('multiple', [0, 3], 1)).toEqual([0, 1, 3])
    expect(pick('multiple', [0, 1, 3], 1)).toEqual([0, 3])
    expect(pick('multiple', [0], 0)).toEqual([])
  })
})

describe('quizAnswers', () => {
  it('shapes taps into one list per question, in question order', () => {
    let picks: number[][] = []
    const tap = (q: number, option: number) => {
      const next = [...picks]
      next[q] = pick(KINDS[q]!, picks[q], option)
      picks = next
    }
    tap(0, 1)
    tap(1, 2)
    tap(1, 0)
    tap(2, 0)
    tap(2, 2)
    tap(3, 1)
    tap(3, 3)
    tap(3, 1)
    expect(quizAnswers(KINDS, picks)).toEqual([[1], [0, 2], [2], [3]])
  })

  it('sends at most one option for a single choice and each option once, ascending, for a multiple choice', () => {
    expect(quizAnswers(KINDS, [[0, 2], [3, 1, 3], [1, 1], [2, 0]])).toEqual([[2], [1, 3], [1], [0, 2]])
  })

  it('sends an empty list for an unanswered question and names it for the page, 1-based', () => {
    const picks = [[1], undefined, [], [0]]
    expect(quizAnswers(KINDS, picks)).toEqual([[1], [], [], [0]])
    expect(unanswered(KINDS, picks)).toEqual([2, 3])
    expect(unanswered(KINDS, [[0], [1], [2], [3]])).toEqual([])
  })
})
