import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { type SavedFile, saveTextFile } from '../client/files'
import { type ServiceResult, unwrap } from './result'
import { communityReady, refresh, switchContext } from './session'

/**
 * The operator side of insights (issue 9): the dashboard and its CSV, segment rules and churn
 * settings, need segments, churn cases, and replicating the community.
 * The butler and resident side lives in `insights.ts`.
 */
export type Dashboard = OutputOf<'insights.dashboard'>
export type Figures = Dashboard['figures']
export type DayRow = Dashboard['days'][number]
export type LineRow = Dashboard['lines'][number]
export type Funnel = Dashboard['funnel']
export type CommunityRow = Dashboard['communities'][number]
export type RangeInput = InputOf<'insights.dashboard'>
export type Scope = NonNullable<RangeInput['scope']>
export type Rules = OutputOf<'insights.rules'>
export type SegmentRule = Rules['segments'][number]
export type ChurnSettings = Rules['churn']
export type SegmentView = OutputOf<'insights.segment'>
export type Need = SegmentView['need']
export type ChurnCases = OutputOf<'insights.churnCases'>
export type ChurnCase = ChurnCases['cases'][number]
export type CaseStatus = ChurnCase['status']
export type Replicated = OutputOf<'insights.replicate'>

export const INSIGHTS_ADMIN_PKG = '/packages/insights-admin/pages'

export { newRequestId } from './request-id'

/** Every call is scoped to the operator's current community: wait for the session (deep links). */
async function scoped<A extends Parameters<typeof call>[0]>(id: A, input: InputOf<A>) {
  await communityReady()
  return unwrap(await call(id, input))
}

export const dashboard = (input: RangeInput) => scoped('insights.dashboard', input)
export const rules = () => scoped('insights.rules', {})
export const saveRules = (input: InputOf<'insights.saveRules'>) => scoped('insights.saveRules', input)
export const segment = (need: Need) => scoped('insights.segment', { need })
export const churnCases = (status?: CaseStatus) => scoped('insights.churnCases', status ? { status } : {})
export const replicate = (input: InputOf<'insights.replicate'>) => scoped('insights.replicate', input)

/**
 * The dashboard's daily rows as a CSV file handed to the operator: a download in H5, a file
 * shared into a chat in WeChat (copied to the clipboard when sharing is not possible).
 */
export async function exportCsv(input: RangeInput): Promise<ServiceResult<{ fileName: string; savedAs: SavedFile }>> {
  const r = await scoped('insights.exportCsv', input)
  if (!r.ok) return r
  const savedAs = await saveTextFile(r.data.fileName, r.data.csv, 'text/csv')
  return { ok: true, data: { fileName: r.data.fileName, savedAs } }
}

/**
 * Makes the operator act in another community they run (the one just replicated): reloads the
 * session, which now lists the new operator role, and switches to it.
 */
export async function switchToCommunity(communityId: string): Promise<ServiceResult<true>> {
  const me = await refresh()
  if (!me.ok) return me
  const ctx = me.data.contexts.find((c) => c.communityId === communityId && c.role === 'operator')
  if (!ctx) return { ok: false, error: { code: 'CONTEXT.NOT_AVAILABLE', message: '新社区的运营身份尚未生效，请稍后在「切换身份」中选择', requestId: '' } }
  const r = await switchContext(ctx)
  return r.ok ? { ok: true, data: true } : r
}
