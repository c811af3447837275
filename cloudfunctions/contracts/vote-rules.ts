/**
 * Plain constants of owner votes (业主表决), no zod: the thresholds are the law's, written as
 * integer ratios so a tally compares cross-multiplied integers and never rounds.
 *
 * 《民法典》第二百七十八条: owners holding at least 2/3 of the area and at least 2/3 of the owners
 * take part; an ordinary matter passes with more than half of the participating area and more
 * than half of the participating owners; a major one (raising the maintenance fund, rebuilding,
 * changing the use of common parts or running a business on them) with at least 3/4 of both.
 */
export const VOTE_RULES = ['ordinary', 'major'] as const
export type VoteRule = (typeof VOTE_RULES)[number]
export const VOTE_RULE_LABELS: Record<VoteRule, string> = {
  ordinary: '一般事项（过半数）',
  major: '重大事项（四分之三以上）'
}
export const VOTE_RULE_HINTS: Record<VoteRule, string> = {
  ordinary: '如制定和修改管理规约、选聘和解聘物业服务企业、使用建筑物及其附属设施的维修资金',
  major: '如筹集维修资金、改建重建建筑物、改变共有部分用途或利用共有部分从事经营活动'
}

/** A share as a fraction, and whether reaching it exactly is enough (≥) or more is needed (>). */
export interface Threshold {
  num: number
  den: number
  inclusive: boolean
}

export const PARTICIPATION: Threshold = { num: 2, den: 3, inclusive: true }
export const APPROVAL: Record<VoteRule, Threshold> = {
  ordinary: { num: 1, den: 2, inclusive: false },
  major: { num: 3, den: 4, inclusive: true }
}

export function thresholdText(t: Threshold): string {
  const f = t.num === 2 && t.den === 3 ? '三分之二' : t.num === 1 && t.den === 2 ? '二分之一' : t.num === 3 && t.den === 4 ? '四分之三' : `${t.num}/${t.den}`
  return t.inclusive ? `${f}以上（含）` : `过${f}`
}

/** A matter is 同意/反对/弃权; a choice is among options the office names (选聘物业公司). */
export const VOTE_KINDS = ['matter', 'choice'] as const
export type VoteKind = (typeof VOTE_KINDS)[number]
export const MATTER_OPTIONS = ['同意', '反对', '弃权'] as const

export const VOTE_CHANNELS = ['miniapp', 'paper'] as const
export type VoteChannel = (typeof VOTE_CHANNELS)[number]
export const VOTE_CHANNEL_LABELS: Record<VoteChannel, string> = { miniapp: '小程序', paper: '纸质表决票' }

export const VOTE_STATES = ['scheduled', 'open', 'counting', 'closed'] as const
export type VoteState = (typeof VOTE_STATES)[number]
export const VOTE_STATE_LABELS: Record<VoteState, string> = { scheduled: '未开始', open: '表决中', counting: '计票中', closed: '已公布' }

export const VOTE_OUTCOMES = ['passed', 'rejected', 'quorum_not_met'] as const
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number]
export const VOTE_OUTCOME_LABELS: Record<VoteOutcome, string> = { passed: '通过', rejected: '未通过', quorum_not_met: '参与表决人数或面积不足，表决无效' }
