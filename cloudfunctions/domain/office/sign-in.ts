import { createHash, timingSafeEqual } from 'node:crypto'
import { CONSOLE_SESSION_TTL_MS, SIGN_IN_TTL_MS, type SignInStatus, type officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { ConsoleSessionDoc, ConsoleSignInDoc } from '../docs'
import { STAFF_ONLY_TEXT, hasStaffRole, staffRolesOf } from './staff'

type C = typeof officeContracts

/**
 * Scan-to-sign-in for the web console. The console asks (`startSignIn`) and shows the request's
 * id as a QR code; a staff member scans it in the mini-program, where WeChat says who they are,
 * and confirms; the console, which alone holds the request's secret, then collects a ticket for a
 * new console session (`pollSignIn`). Identity never travels in a request body: the ticket is
 * issued by the platform adapter for a session the server created.
 */

/** After confirmation the console has this long to collect its ticket. */
const COLLECT_GRACE_MS = 30_000

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

function secretMatches(doc: ConsoleSignInDoc, secret: string): boolean {
  const a = Buffer.from(doc.secretHash, 'hex')
  const b = Buffer.from(hashSecret(secret), 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

function statusAt(doc: ConsoleSignInDoc, now: number): SignInStatus {
  if (doc.status === 'pending' && doc.expiresAt <= now) return 'expired'
  return doc.status
}

const NOT_FOUND = fail('OFFICE.SIGN_IN_NOT_FOUND', '二维码已失效，请在电脑上刷新后重新扫码')

export const startSignIn: ActionHandler<C['startSignIn']> = async ({ ports }, input) => {
  const now = ports.clock.now()
  const secret = ports.random.id(24)
  const doc: ConsoleSignInDoc = {
    _id: `si${ports.random.id(12)}`,
    secretHash: hashSecret(secret),
    device: input.device,
    status: 'pending',
    createdAt: now,
    expiresAt: now + SIGN_IN_TTL_MS
  }
  const res = await ports.store.insert('consoleSignIns', doc)
  if (!res.ok) throw new Error('console sign-in id collided')
  return ok({ id: doc._id, secret, expiresAt: doc.expiresAt })
}

export const signInRequest: ActionHandler<C['signInRequest']> = async ({ ports, actor }, input) => {
  const [doc, roles, setup] = await Promise.all([
    ports.store.get('consoleSignIns', input.id),
    staffRolesOf(ports.store, actor.user._id),
    ports.setupCode === null ? null : ports.store.get('companySetup', 'setup')
  ])
  if (!doc) return NOT_FOUND
  const setupOpen = ports.setupCode !== null && setup === null
  return ok({ id: doc._id, device: doc.device, createdAt: doc.createdAt, expiresAt: doc.expiresAt, status: statusAt(doc, ports.clock.now()), roles, setupOpen })
}

export const confirmSignIn: ActionHandler<C['confirmSignIn']> = async ({ ports, actor }, input) => {
  const [doc, staff] = await Promise.all([ports.store.get('consoleSignIns', input.id), hasStaffRole(ports.store, actor.user._id)])
  if (!doc) return NOT_FOUND
  if (!staff) return fail('OFFICE.STAFF_ONLY', STAFF_ONLY_TEXT)
  const now = ports.clock.now()
  const applied = await ports.store.update(
    'consoleSignIns',
    doc._id,
    { set: { status: 'confirmed', userId: actor.user._id, sessionId: `cs${ports.random.id(15)}`, decidedAt: now } },
    { status: 'pending', expiresAt: { gt: now } }
  )
  if (applied) return ok({ done: true as const })
  return decidedOrExpired(ports, doc._id, now)
}

export const rejectSignIn: ActionHandler<C['rejectSignIn']> = async ({ ports }, input) => {
  const now = ports.clock.now()
  const applied = await ports.store.update('consoleSignIns', input.id, { set: { status: 'rejected', decidedAt: now } }, { status: 'pending', expiresAt: { gt: now } })
  if (applied) return ok({ done: true as const })
  return decidedOrExpired(ports, input.id, now)
}

/** Why a decision did not apply: the request is gone, answered already, or out of time. */
async function decidedOrExpired(ports: Ports, id: string, now: number) {
  const doc = await ports.store.get('consoleSignIns', id)
  if (!doc) return NOT_FOUND
  if (statusAt(doc, now) === 'expired') return fail('OFFICE.SIGN_IN_EXPIRED', '二维码已过期，请在电脑上刷新后重新扫码')
  return fail('OFFICE.SIGN_IN_DECIDED', '这个登录请求已经处理过了')
}

export const pollSignIn: ActionHandler<C['pollSignIn']> = async ({ ports }, input) => {
  const doc = await ports.store.get('consoleSignIns', input.id)
  // A wrong secret looks exactly like an unknown request: the id alone (on the screen) proves nothing.
  if (!doc || !secretMatches(doc, input.secret)) return NOT_FOUND
  const now = ports.clock.now()
  const status = statusAt(doc, now)
  if (status !== 'confirmed') return ok({ status })
  if (!doc.userId || !doc.sessionId || doc.expiresAt + COLLECT_GRACE_MS <= now) return ok({ status: 'expired' as const })
  const session = await openSession(ports, { _id: doc.sessionId, userId: doc.userId, device: doc.device, createdAt: now, expiresAt: now + CONSOLE_SESSION_TTL_MS })
  const ticket = await ports.tickets.issue(session._id, session.expiresAt)
  return ok({ status: 'signedIn' as const, ticket, sessionId: session._id, expiresAt: session.expiresAt })
}

/** The session a confirmed request leads to, created by the first poll that collects it. */
export async function openSession(ports: Ports, session: ConsoleSessionDoc): Promise<ConsoleSessionDoc> {
  const res = await ports.store.insert('consoleSessions', session)
  if (res.ok) return session
  const existing = await ports.store.get('consoleSessions', session._id)
  if (!existing) throw new Error('console session vanished after a duplicate insert')
  return existing
}

/** Sign-in requests are worth nothing once expired; the daily job clears them. */
export async function clearExpiredSignIns(ports: Ports): Promise<{ removed: number }> {
  const stale = await ports.store.find('consoleSignIns', { where: { expiresAt: { lt: ports.clock.now() - COLLECT_GRACE_MS } }, limit: 1000 })
  const removed = await Promise.all(stale.map((d) => ports.store.remove('consoleSignIns', d._id)))
  return { removed: removed.filter(Boolean).length }
}
