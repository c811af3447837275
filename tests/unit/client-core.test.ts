import type { ApiResponse } from '../../cloudfunctions/contracts/errors'
import { type AuthStep, type ClientHost, type Envelope, type Result, createApi } from '../../src/client/core/api'

const table = { user: 'login:public me:member', event: 'list ticket' } as const

interface Sent {
  fn: string
  envelope: Envelope
}

function host(opts: { session?: Result<unknown>; community?: string; reply?: (s: Sent) => ApiResponse<unknown> } = {}) {
  const sent: Sent[] = []
  const steps: AuthStep[] = []
  let lost = 0
  let sessionCalls = 0
  const h: ClientHost = {
    async send(fn, envelope) {
      sent.push({ fn, envelope })
      return opts.reply ? opts.reply({ fn, envelope }) : { ok: true, data: { echo: envelope.input }, requestId: 'r1' }
    },
    async ensureSession() {
      sessionCalls++
      return opts.session ?? { ok: true, data: {} }
    },
    communityId: () => opts.community,
    authRequired: (s) => steps.push(s),
    sessionLost: () => {
      lost++
    }
  }
  return { h, sent, steps, lost: () => lost, sessionCalls: () => sessionCalls }
}

// The test table is a subset of the registry; the typed surface is exercised through `unknown` calls.
type Loose = Record<string, Record<string, (input?: unknown, opts?: { communityId?: string }) => Promise<Result<unknown>>>>
const loose = (t: Record<string, string>, h: ClientHost) => createApi(t, h) as unknown as Loose

describe('the client made from the contracts', () => {
  it('sends fn, action, input and the host’s community, and answers the data', async () => {
    const { h, sent } = host({ community: 'c1' })
    const res = await loose(table, h).event!.ticket!({ signupId: 's1' })
    expect(res).toEqual({ ok: true, data: { echo: { signupId: 's1' } } })
    expect(sent).toEqual([{ fn: 'event', envelope: { action: 'ticket', input: { signupId: 's1' }, communityId: 'c1' } }])
  })

  it('an explicit community wins over the host’s', async () => {
    const { h, sent } = host({ community: 'c1' })
    await loose(table, h).event!.list!({}, { communityId: 'c2' })
    expect(sent[0]!.envelope.communityId).toBe('c2')
  })

  it('public actions do not wait for a session; others do, once per call', async () => {
    const t = host()
    await loose(table, t.h).user!.login!()
    expect(t.sessionCalls()).toBe(0)
    await loose(table, t.h).user!.me!()
    expect(t.sessionCalls()).toBe(1)
    expect(t.sent.map((s) => s.envelope.input)).toEqual([{}, {}])
  })

  it('without a session it sends nothing and asks the host for the sign-in step', async () => {
    const t = host({ session: { ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: '请先登录', requestId: '' } } })
    const res = await loose(table, t.h).event!.ticket!({ signupId: 's1' })
    expect(res.ok).toBe(false)
    expect(t.sent).toHaveLength(0)
    expect(t.steps).toEqual(['AUTH.UNAUTHENTICATED'])
  })

  it('a community action with no community asks the host to choose one and sends nothing', async () => {
    const t = host()
    const res = await loose(table, t.h).event!.ticket!({ signupId: 's1' })
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.COMMUNITY_REQUIRED' } })
    expect(t.sent).toHaveLength(0)
    expect(t.steps).toEqual(['AUTH.COMMUNITY_REQUIRED'])
  })

  it('a session the server no longer knows is dropped and the person is sent to sign in', async () => {
    const t = host({ community: 'c1', reply: () => ({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: '请先登录', requestId: 'r2' } }) })
    const res = await loose(table, t.h).event!.list!({})
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', requestId: 'r2' } })
    expect(t.lost()).toBe(1)
    expect(t.steps).toEqual(['AUTH.UNAUTHENTICATED'])
  })

  it('other errors reach the page unchanged, with no detour', async () => {
    const error = { code: 'EVENT.NOT_FOUND', message: '活动不存在', requestId: 'r3' } as const
    const t = host({ community: 'c1', reply: () => ({ ok: false, error }) })
    expect(await loose(table, t.h).event!.list!({})).toEqual({ ok: false, error })
    expect(t.steps).toEqual([])
    expect(t.lost()).toBe(0)
  })

  it('has exactly the table’s functions and actions', () => {
    const api = loose(table, host().h)
    expect(Object.keys(api).sort()).toEqual(['event', 'user'])
    expect(Object.keys(api.event!).sort()).toEqual(['list', 'ticket'])
  })
})
