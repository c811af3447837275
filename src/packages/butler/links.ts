import { pageLink } from '../../utils/link'

/** Where the butler pages live. */
export const BUTLER_PKG = '/packages/butler/pages'

/** A household's file, in the community it belongs to; `taskId` lets today's task reveal its contacts. */
export function householdLink(householdId: string, communityId: string | undefined, taskId?: string): string {
  return pageLink(`${BUTLER_PKG}/household/index`, { householdId, taskId, communityId })
}

/** The household's history (户档案): bills, work orders, bookings, parcels, door entries and follow-ups. */
export function householdHistoryLink(householdId: string, communityId: string | undefined): string {
  return pageLink(`${BUTLER_PKG}/history/index`, { householdId, communityId })
}

/** 培训课程: the community's published courses with the butler's progress. */
export function coursesLink(): string {
  return `${BUTLER_PKG}/courses/index`
}

/** One course's lessons; its quiz is one tap further. */
export function courseLink(courseId: string): string {
  return pageLink(`${BUTLER_PKG}/course/index`, { id: courseId })
}

export function quizLink(courseId: string): string {
  return pageLink(`${BUTLER_PKG}/quiz/index`, { id: courseId })
}

/** 我的成长: certificates, courses to finish, and the ways to the selling kit and commission. */
export function growLink(): string {
  return `${BUTLER_PKG}/grow/index`
}

/** 话术工具包: the kits of campaigns on sale and events coming, each open or behind its required courses. */
export function kitsLink(): string {
  return `${BUTLER_PKG}/kits/index`
}

/** One campaign's or event's kit: facts, scripts to copy, the share card and the poster. */
export function kitLink(kind: 'campaign' | 'event', id: string, communityId?: string): string {
  return pageLink(`${BUTLER_PKG}/kit/index`, { kind, id, communityId })
}

/** The resident's page of a campaign or event, shared when the butler shares before making a card. */
export function sellDetailLink(kind: 'campaign' | 'event', id: string, communityId: string | undefined): string {
  return pageLink(kind === 'campaign' ? '/packages/presale/pages/detail/index' : '/packages/event/pages/detail/index', { id, communityId })
}

/** 佣金结算单: the butler's monthly statements. */
export function statementsLink(): string {
  return `${BUTLER_PKG}/statements/index`
}

/** One statement: its orders, refunds and carry, and (once approved) where the money is confirmed. */
export function statementLink(statementId: string): string {
  return pageLink(`${BUTLER_PKG}/statement/index`, { id: statementId })
}
