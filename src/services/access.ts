import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { unwrap } from './result'

/** Door access: passes, visitor invitations, logs and (for operators) gate devices. */
export type ResidentPass = OutputOf<'access.residentPass'>
export type VisitorPassForVisitor = OutputOf<'access.visitorPass'>
export type VisitorPass = OutputOf<'access.createVisitorPass'>
export type AccessLogPage = OutputOf<'access.householdLog'>
export type GateList = OutputOf<'access.listGates'>
export type Gate = GateList['gates'][number]
export type GridVisitors = OutputOf<'access.gridVisitors'>

export async function residentPass(householdId: string, communityId: string) {
  return unwrap(await call('access.residentPass', { householdId }, { communityId }))
}

export async function createVisitorPass(input: InputOf<'access.createVisitorPass'>, communityId: string) {
  return unwrap(await call('access.createVisitorPass', input, { communityId }))
}

export async function listVisitorPasses(householdId: string, communityId: string) {
  return unwrap(await call('access.listVisitorPasses', { householdId }, { communityId }))
}

export async function revokeVisitorPass(passId: string, communityId: string) {
  return unwrap(await call('access.revokeVisitorPass', { passId }, { communityId }))
}

/** The visitor's view: no community context, the token is the authority. */
export async function visitorPass(token: string) {
  return unwrap(await call('access.visitorPass', { token }))
}

export async function householdLog(householdId: string, communityId: string, before?: number) {
  return unwrap(await call('access.householdLog', { householdId, ...(before ? { before } : {}) }, { communityId }))
}

export async function listGates() {
  return unwrap(await call('access.listGates', {}))
}

export async function registerGate(input: InputOf<'access.registerGate'>) {
  return unwrap(await call('access.registerGate', input))
}

export async function setGateEnabled(gateId: string, enabled: boolean) {
  return unwrap(await call('access.setGateEnabled', { gateId, enabled }))
}

export async function gateLog(gateId: string, before?: number) {
  return unwrap(await call('access.gateLog', { gateId, ...(before ? { before } : {}) }))
}

export async function rotateKey(graceMinutes: number) {
  return unwrap(await call('access.rotateKey', { graceMinutes }))
}

export async function gridVisitors() {
  return unwrap(await call('access.gridVisitors', {}))
}

/** Where a share card (or, in H5, a link) takes the visitor. */
export const VISITOR_PAGE = '/packages/access/pages/visitor/index'
export const visitorPath = (token: string) => `${VISITOR_PAGE}?t=${token}`
