import type { InputOf, OutputOf } from '@contracts/registry'
import type { Me } from '@contracts/user'
import { call } from '../client'
import { type ServiceResult, unwrap } from './result'
import { applyMe, refresh, communityReady } from './session'

export async function bindHousehold(code: string): Promise<ServiceResult<Me>> {
  await communityReady()
  const res = unwrap(await call('user.bindHousehold', { code }))
  if (res.ok) applyMe(res.data)
  return res
}

export async function createInvitation(input: InputOf<'user.createInvitation'>, communityId: string) {
  await communityReady()
  return unwrap(await call('user.createInvitation', input, { communityId }))
}

export async function getInvitation(token: string) {
  await communityReady()
  return unwrap(await call('user.getInvitation', { token }))
}

export async function acceptInvitation(token: string): Promise<ServiceResult<Me>> {
  await communityReady()
  const res = unwrap(await call('user.acceptInvitation', { token }))
  if (res.ok) applyMe(res.data)
  return res
}

export async function listCommunities() {
  await communityReady()
  return unwrap(await call('user.listCommunities', {}))
}

export async function listBuildings(communityId: string) {
  await communityReady()
  return unwrap(await call('user.listBuildings', { communityId }))
}

export async function requestJoin(input: InputOf<'user.requestJoin'>) {
  await communityReady()
  return unwrap(await call('user.requestJoin', input))
}

export async function householdMembers(householdId: string, communityId: string) {
  await communityReady()
  return unwrap(await call('user.householdMembers', { householdId }, { communityId }))
}

export type JoinRequests = OutputOf<'user.listJoinRequests'>['requests']

export async function listJoinRequests(status: 'pending' | 'approved' | 'rejected' = 'pending') {
  await communityReady()
  return unwrap(await call('user.listJoinRequests', { status }))
}

export async function reviewJoinRequest(id: string, approve: boolean, note = '') {
  await communityReady()
  const res = unwrap(await call('user.reviewJoinRequest', { id, approve, note }))
  if (res.ok) await refresh()
  return res
}

export async function gridOverview() {
  await communityReady()
  return unwrap(await call('user.gridOverview', {}))
}

export async function communityOverview() {
  await communityReady()
  return unwrap(await call('user.communityOverview', {}))
}

export async function updateProfile(input: InputOf<'user.updateProfile'>): Promise<ServiceResult<Me>> {
  await communityReady()
  const res = unwrap(await call('user.updateProfile', input))
  if (res.ok) applyMe(res.data)
  return res
}
