import { VOTE_STATE_LABELS, type VoteState } from '@contracts/vote-rules'
import type { Tone } from '../../ui/kit'
import { pageLink } from '../../utils/link'

export const VOTE_PKG = '/packages/vote/pages'

type VotePage = 'list' | 'detail' | 'paper' | 'receipts'

export function voteLink(page: VotePage, params: Record<string, string | undefined> = {}): string {
  return pageLink(`${VOTE_PKG}/${page}/index`, params)
}

export const STATE_TONE: Record<VoteState, Tone> = { scheduled: 'info', open: 'primary', counting: 'accent', closed: 'muted' }
export const stateText = (s: VoteState) => VOTE_STATE_LABELS[s]

/** 108.26 平方米 from hundredths of a square metre. */
export function areaText(cm2: number): string {
  return `${(cm2 / 100).toFixed(2)} 平方米`
}
