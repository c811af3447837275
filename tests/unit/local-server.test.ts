import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type RunningApp, startApp } from '../../scripts/server/app'
import { loadSecrets, printedSetupCode } from '../../scripts/server/env'

/** The local server is the H5 build's only way in: identity from its signed session, nothing else. */
describe('local server HTTP layer', () => {
  let app: RunningApp
  let dir: string
  const post = async (url: string, body: unknown, token?: string) => {
    const res = await fetch(app.url.replace(/\/$/, '') + url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
    return { status: res.status, json: (await res.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-http-'))
    app = await startApp({ LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dir, LINLI_SCHEDULER: 'off' }, { quiet: true })
  })
  afterAll(async () => {
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('seeds a fresh data folder on first start', () => {
    expect(app.seeded).toBe(true)
  })

  it('answers a dev-login session with that persona and ignores identities in the body', async () => {
    const login = await post('/dev/login', { personaId: 'u-wang' })
    const token = String(login.json.token)
    const res = await post('/api/user', { action: 'me', input: {}, openid: 'dev-u-newcomer' }, token)
    expect(res.json).toMatchObject({ ok: true, data: { user: { id: 'u-wang' } } })
  })

  it('refuses calls without a valid session', async () => {
    expect((await post('/api/user', { action: 'me', input: {} })).json).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } })
    const forged = (await post('/dev/login', { personaId: 'u-wang' })).json.token as string
    const tampered = forged.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))
    expect((await post('/api/user', { action: 'me', input: {} }, tampered)).json).toMatchObject({ error: { code: 'AUTH.UNAUTHENTICATED' } })
  })

  it('never runs a timer job for an HTTP request, signed in or not', async () => {
    const timer = { Type: 'Timer', TriggerName: 'expire-invitations' }
    expect((await post('/api/user', timer)).json).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })

  it('rejects unknown personas, functions, bad JSON and oversized bodies', async () => {
    expect((await post('/dev/login', { personaId: 'root' })).status).toBe(404)
    expect((await post('/api/nope', {})).json).toMatchObject({ error: { code: 'REQUEST.UNKNOWN_ACTION' } })
    expect((await post('/api/user', '{not json')).json).toMatchObject({ error: { code: 'REQUEST.INVALID' } })
    const huge = await post('/api/user', { action: 'me', input: { blob: 'x'.repeat(200_000) } })
    expect(huge.status).toBe(413)
    expect(huge.json).toMatchObject({ error: { code: 'REQUEST.TOO_LARGE' } })
  })
})

/** `npm start -- --empty`: a company's first day, with no demo at all. */
describe('local server on an empty database', () => {
  let app: RunningApp
  let dir: string
  const url = (p: string) => app.url.replace(/\/$/, '') + p
  const post = async (p: string, body: unknown, token?: string) => {
    const res = await fetch(url(p), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body)
    })
    return (await res.json()) as Record<string, unknown>
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-empty-'))
    app = await startApp({ LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dir, LINLI_SCHEDULER: 'off' }, { quiet: true, seed: false })
  })
  afterAll(async () => {
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('seeds nothing and offers the setup code, which stays the same across restarts', async () => {
    expect(app.seeded).toBe(false)
    expect(await app.ports.store.count('communities')).toBe(0)
    expect(app.setupCode).toMatch(/^[2-9A-HJ-NP-Z]{12}$/)
    const again = loadSecrets(dir)
    expect(again.setupCode).toBe(app.setupCode)
    expect(printedSetupCode(again.setupCode)).toMatch(/^.{4}-.{4}-.{4}$/)
  })

  it('offers the first day’s people to sign in as, and the first becomes the administrator with the code', async () => {
    const { personas } = (await (await fetch(url('/dev/personas'))).json()) as { personas: { id: string; nickname: string }[] }
    expect(personas.map((p) => p.nickname)).toEqual(['周总', '林管家', '孙女士'])
    const token = String((await post('/dev/login', { personaId: personas[0]?.id })).token)
    expect(await post('/api/user', { action: 'me', input: {} }, token)).toMatchObject({ ok: true, data: { user: { nickname: '周总' }, admin: false, contexts: [] } })
    expect(await post('/api/office', { action: 'claimAdmin', input: { code: printedSetupCode(app.setupCode ?? '') } }, token)).toMatchObject({ ok: true })
    expect(await post('/api/user', { action: 'me', input: {} }, token)).toMatchObject({ ok: true, data: { admin: true } })
  })
})
