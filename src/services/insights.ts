import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { type SavedFile, saveTextFile } from '../client/files'
import { type ServiceResult, unwrap } from './result'
import { communityReady } from './session'

/**
 * Household profiles and the butler workspace (issue 9): the resident's own profile, export and
 * deletion; the butler's grid, household files, daily tasks, follow-ups, churn cases and
 * scoreboard. Operator actions live in `insights-admin.ts`.
 */
export type MyProfile = OutputOf<'insights.myProfile'>
export type Profile = MyProfile['profile']
export type Consumption = NonNullable<MyProfile['consumption']>
export type Insight = MyProfile['insight']
export type ProfileFields = InputOf<'insights.saveProfile'>['profile']
export type Grid = OutputOf<'insights.myGrid'>
export type GridHousehold = Grid['households'][number]
export type HouseholdFile = OutputOf<'insights.household'>
export type FollowUpLog = HouseholdFile['followUps'][number]
export type Tasks = OutputOf<'insights.todayTasks'>
export type Task = Tasks['tasks'][number]
export type Scoreboard = OutputOf<'insights.scoreboard'>
export type ChurnCases = OutputOf<'insights.churnCases'>
export type ChurnCase = ChurnCases['cases'][number]

export const BUTLER_PKG = '/packages/butler/pages'

export { newRequestId } from './request-id'

/** Every insights call waits for the session's community, which the server checks. */
async function c<A extends Parameters<typeof call>[0]>(id: A, input: InputOf<A>) {
  await communityReady()
  return unwrap(await call(id, input))
}

// ── Resident ─────────────────────────────────────────────────────────────────────────────────
export const myProfile = (householdId: string) => c('insights.myProfile', { householdId })
export const saveProfile = (householdId: string, profile: ProfileFields) => c('insights.saveProfile', { householdId, consent: true, profile })
export const deleteProfile = (householdId: string) => c('insights.deleteProfile', { householdId, confirm: true })
export const restoreAnalysis = (householdId: string) => c('insights.restoreAnalysis', { householdId })

/**
 * Fetches everything held about the household and hands it to the resident as a JSON file: a
 * download in H5, a file shared into a chat in WeChat (copied when sharing is not possible).
 */
export async function exportProfile(householdId: string): Promise<ServiceResult<{ fileName: string; savedAs: SavedFile }>> {
  const r = await c('insights.exportProfile', { householdId })
  if (!r.ok) return r
  const savedAs = await saveTextFile(r.data.fileName, r.data.json, 'application/json')
  return { ok: true, data: { fileName: r.data.fileName, savedAs } }
}

// ── Butler ───────────────────────────────────────────────────────────────────────────────────
export const myGrid = () => c('insights.myGrid', {})
export const household = (householdId: string) => c('insights.household', { householdId })
export const butlerSaveProfile = (householdId: string, profile: ProfileFields) => c('insights.butlerSaveProfile', { householdId, consent: true, profile })
export const reveal = (householdId: string, taskId: string) => c('insights.reveal', { householdId, taskId })
export const todayTasks = () => c('insights.todayTasks', {})
export const logFollowUp = (input: InputOf<'insights.logFollowUp'>) => c('insights.logFollowUp', input)
export const scoreboard = (weeksAgo: number) => c('insights.scoreboard', { weeksAgo })
export const churnCases = (status?: ChurnCase['status']) => c('insights.churnCases', status ? { status } : {})
