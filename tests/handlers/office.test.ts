/**
 * The web console's scan-to-sign-in and its sessions, through the real request path. The console
 * calls `startSignIn`/`pollSignIn` with no identity at all; the staff member confirms in the
 * mini-program as themselves; the console then calls as its session.
 */
import { CONSOLE_SESSION_TTL_MS, SIGN_IN_TTL_MS, officeContracts } from '../../cloudfunctions/contracts/office'
import type { Identity } from '../../cloudfunctions/kernel/identity'
import { platformIdentity } from '../../cloudfunctions/adapters/cloudbase/identity'
import { verifyDevSession } from '../../scripts/server/dev-session'
import { COMMUNITY_A } from '../../scripts/seed/demo'
import { type Harness, TEST_SESSION_SECRET, as, makeHarness } from '../support/harness'
import { codeOf, errorOf, okData } from './support'

const OPERATOR = as('u-operator-wu')
const STAFF = as('u-staff-sun')
const RESIDENT = as('u-wang')
const consoleAs = (sessionId: string): Identity => ({ source: 'console', sessionId })

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => {
  await h.close()
})

it('covers every action of the office function', () => {
  // households, importHouseholds and issueCodes: office-households.test.ts.
  expect(Object.keys(officeContracts).sort()).toEqual(
    [
      ...['claimAdmin', 'confirmSignIn', 'createCommunity', 'households', 'importHouseholds', 'issueCodes', 'pollSignIn', 'rejectSignIn', 'revokeSession', 'sessions', 'signInRequest', 'startSignIn'],
      // The team: office-team.test.ts.
      ...['inviteStaff', 'staff', 'revokeStaffInvitation', 'removeStaffRole', 'staffInvitation', 'acceptStaffInvitation', 'grids', 'saveGrid', 'deleteGrid'],
      // office-checklist.test.ts.
      'checklist'
    ].sort()
  )
})

async function start(device = 'Chrome · Windows') {
  return okData(await h.call('office.startSignIn', { device }, null))
}

/** Scans, confirms as `who`, and collects the session the console gets. */
async function signIn(who: string) {
  const req = await start()
  okData(await h.call('office.confirmSignIn', { id: req.id }, who))
  const polled = okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))
  if (polled.status !== 'signedIn') throw new Error(`not signed in: ${polled.status}`)
  return polled
}

describe('signing in by scanning', () => {
  it('waits for the scan, shows the staff member what asks, and gives the console a session after confirmation', async () => {
    const req = await start('Edge · 前台电脑')
    expect(req.expiresAt).toBe(h.clock.now() + SIGN_IN_TTL_MS)
    expect(okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))).toEqual({ status: 'pending' })

    const seen = okData(await h.call('office.signInRequest', { id: req.id }, OPERATOR))
    expect(seen).toMatchObject({ device: 'Edge · 前台电脑', status: 'pending' })
    expect(seen.roles).toEqual(expect.arrayContaining([{ communityName: '临苑社区', roleLabel: '运营' }]))

    okData(await h.call('office.confirmSignIn', { id: req.id }, OPERATOR))
    const polled = okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))
    if (polled.status !== 'signedIn') throw new Error('expected a session')
    expect(polled.expiresAt).toBe(h.clock.now() + CONSOLE_SESSION_TTL_MS)
    const session = await h.store.get('consoleSessions', polled.sessionId)
    expect(session).toMatchObject({ userId: 'u-operator-wu', device: 'Edge · 前台电脑' })
    // Locally the ticket is a dev token for exactly that session.
    expect(verifyDevSession(TEST_SESSION_SECRET, polled.ticket, h.clock.now())).toMatchObject({ consoleSession: polled.sessionId, exp: polled.expiresAt })

    // The console acts as the same user, with the same roles, as in the mini-program.
    const me = okData(await h.call('user.me', {}, consoleAs(polled.sessionId)))
    expect(me.user.nickname).toBe('吴运营')
    const overview = await h.call('user.communityOverview', {}, consoleAs(polled.sessionId), COMMUNITY_A)
    expect(overview.ok).toBe(true)
  })

  it('never stores the secret, and a wrong secret looks like an unknown request', async () => {
    const req = await start()
    const doc = await h.store.get('consoleSignIns', req.id)
    expect(JSON.stringify(doc)).not.toContain(req.secret)
    okData(await h.call('office.confirmSignIn', { id: req.id }, OPERATOR))
    expect(codeOf(await h.call('office.pollSignIn', { id: req.id, secret: `${req.secret}x` }, null))).toBe('OFFICE.SIGN_IN_NOT_FOUND')
    expect(codeOf(await h.call('office.pollSignIn', { id: 'si-nothing', secret: req.secret }, null))).toBe('OFFICE.SIGN_IN_NOT_FOUND')
    expect(await h.store.count('consoleSessions')).toBe(0)
  })

  it('lets only staff confirm, and writes nothing when a resident tries', async () => {
    const req = await start()
    const seen = okData(await h.call('office.signInRequest', { id: req.id }, RESIDENT))
    expect(seen.roles).toEqual([])
    const refused = errorOf(await h.call('office.confirmSignIn', { id: req.id }, RESIDENT))
    expect(refused).toMatchObject({ code: 'OFFICE.STAFF_ONLY', message: '只有物业工作人员可以登录管理后台' })
    expect(await h.store.get('consoleSignIns', req.id)).toMatchObject({ status: 'pending' })
    expect(okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))).toEqual({ status: 'pending' })
  })

  it('refuses to confirm an expired code, and tells the console it expired', async () => {
    const req = await start()
    h.clock.advance(SIGN_IN_TTL_MS)
    expect(codeOf(await h.call('office.confirmSignIn', { id: req.id }, OPERATOR))).toBe('OFFICE.SIGN_IN_EXPIRED')
    expect(okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))).toEqual({ status: 'expired' })
  })

  it('answers one decision only: a rejected request cannot be confirmed, and two confirmations race to one', async () => {
    const rejected = await start()
    okData(await h.call('office.rejectSignIn', { id: rejected.id }, OPERATOR))
    expect(codeOf(await h.call('office.confirmSignIn', { id: rejected.id }, OPERATOR))).toBe('OFFICE.SIGN_IN_DECIDED')
    expect(okData(await h.call('office.pollSignIn', { id: rejected.id, secret: rejected.secret }, null))).toEqual({ status: 'rejected' })

    const raced = await start()
    const answers = await Promise.all([h.call('office.confirmSignIn', { id: raced.id }, OPERATOR), h.call('office.confirmSignIn', { id: raced.id }, STAFF)])
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(['OFFICE.SIGN_IN_DECIDED'])
  })

  it('gives one session however often the console polls, and none after the collection window', async () => {
    const req = await start()
    okData(await h.call('office.confirmSignIn', { id: req.id }, OPERATOR))
    const polls = await Promise.all([1, 2, 3, 4, 5].map(() => h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null)))
    const ids = new Set(polls.map((p) => { const d = okData(p); return d.status === 'signedIn' ? d.sessionId : d.status }))
    expect(ids.size).toBe(1)
    expect(await h.store.count('consoleSessions')).toBe(1)
    h.clock.advance(SIGN_IN_TTL_MS + 60_000)
    expect(okData(await h.call('office.pollSignIn', { id: req.id, secret: req.secret }, null))).toEqual({ status: 'expired' })
  })

  it('refuses bad input with the field named, before writing anything', async () => {
    const res = errorOf(await h.call('office.startSignIn', { device: '\u001b[31m' }, null))
    expect(res.code).toBe('REQUEST.INVALID_INPUT')
    expect(res.message).toContain('登录设备')
    expect(await h.store.count('consoleSignIns')).toBe(0)
  })
})

describe('console sessions', () => {
  it('lists the staff member\'s consoles, marks the one asking, and a revoked console is signed out at its next call', async () => {
    const a = await signIn(OPERATOR)
    const b = await signIn(OPERATOR)
    const listed = okData(await h.call('office.sessions', {}, consoleAs(a.sessionId)))
    expect(listed.sessions.map((s) => [s.id, s.current]).sort()).toEqual([[a.sessionId, true], [b.sessionId, false]].sort())

    okData(await h.call('office.revokeSession', { id: b.sessionId }, consoleAs(a.sessionId)))
    const after = errorOf(await h.call('user.me', {}, consoleAs(b.sessionId)))
    expect(after).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: '登录已失效，请重新扫码登录' })
    expect(okData(await h.call('office.sessions', {}, OPERATOR)).sessions.map((s) => s.id)).toEqual([a.sessionId])
  })

  it('cannot revoke another user\'s console', async () => {
    const theirs = await signIn(OPERATOR)
    expect(codeOf(await h.call('office.revokeSession', { id: theirs.sessionId }, STAFF))).toBe('OFFICE.SESSION_NOT_FOUND')
    expect(okData(await h.call('user.me', {}, consoleAs(theirs.sessionId))).user.nickname).toBe('吴运营')
  })

  it('ends with its expiry', async () => {
    const s = await signIn(OPERATOR)
    h.clock.advance(CONSOLE_SESSION_TTL_MS)
    expect(codeOf(await h.call('user.me', {}, consoleAs(s.sessionId)))).toBe('AUTH.UNAUTHENTICATED')
  })

  it('keeps the roles rule: a console acts only where its user holds the role, and cannot log in as a WeChat user', async () => {
    const s = await signIn(STAFF)
    expect(codeOf(await h.call('fee.collection', {}, consoleAs(s.sessionId), COMMUNITY_A))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('user.login', {}, consoleAs(s.sessionId)))).toBe('AUTH.FORBIDDEN')
    expect(codeOf(await h.call('user.me', {}, consoleAs('csAAAAAAAAAAAAAAAAAAAA')))).toBe('AUTH.UNAUTHENTICATED')
  })
})

describe('who calls, on CloudBase', () => {
  const ctx = (vars: Record<string, string>) => ({ environment: JSON.stringify(vars) })
  it('maps a custom-login user id of our shape to its console session, and any other web login to a visitor', () => {
    expect(platformIdentity({}, ctx({ TCB_CUSTOM_USER_ID: 'csAbcdefghijklmnopqrst', TCB_UUID: 'u1' }))).toEqual({ source: 'console', sessionId: 'csAbcdefghijklmnopqrst' })
    expect(platformIdentity({}, ctx({ TCB_UUID: 'u1', TCB_ISANONYMOUS_USER: 'true' }))).toEqual({ source: 'web' })
    expect(platformIdentity({}, ctx({ TCB_CUSTOM_USER_ID: 'admin', TCB_UUID: 'u1' }))).toEqual({ source: 'web' })
    expect(platformIdentity({}, ctx({}))).toBeNull()
  })

  it('lets a web visitor start a sign-in but nothing else, and never run a job', async () => {
    const visitor: Identity = { source: 'web' }
    expect((await h.call('office.startSignIn', { device: 'Chrome' }, visitor)).ok).toBe(true)
    expect(codeOf(await h.call('user.me', {}, visitor))).toBe('AUTH.UNAUTHENTICATED')
    expect(codeOf(await h.call('user.login', {}, visitor))).toBe('AUTH.UNAUTHENTICATED')
    expect(codeOf(await h.raw('office', { Type: 'Timer', TriggerName: 'clear-console-sign-ins' }, visitor))).toBe('AUTH.FORBIDDEN')
  })
})

it('clears expired sign-in requests in its daily job', async () => {
  await start()
  await start()
  h.clock.advance(SIGN_IN_TTL_MS + 60_000)
  const fresh = await start()
  const res = (await h.raw('office', { Type: 'Timer', TriggerName: 'clear-console-sign-ins' }, null)) as { ok: boolean; report: { removed: number } }
  expect(res).toMatchObject({ ok: true, report: { removed: 2 } })
  expect(await h.store.count('consoleSignIns')).toBe(1)
  expect(await h.store.get('consoleSignIns', fresh.id)).not.toBeNull()
})
