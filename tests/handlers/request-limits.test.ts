import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { accessHttpRoutes } from '../../cloudfunctions/access/http'
import { accessModule } from '../../cloudfunctions/access/module'
import { createHttpMain } from '../../cloudfunctions/kernel/http-main'
import { INPUT_BUDGET, jsonTextDepth, parseBoundedJson, shapeProblem } from '../../cloudfunctions/kernel/request-shape'
import { createPayMain } from '../../cloudfunctions/pay/http-entry'
import { type RunningApp, startApp } from '../../scripts/server/app'
import { localRuntime } from '../../scripts/server/local-runtime'
import { type Harness, as, makeHarness } from '../support/harness'
import { codeOf, errorOf } from './support'

/** `{"a":[[[...]]]}` nested `levels` deep: about 2 bytes a level. */
const deepArray = (levels: number): unknown => {
  let v: unknown = 0
  for (let i = 0; i < levels; i++) v = [v]
  return v
}
const deepText = (levels: number) => '['.repeat(levels) + '0' + ']'.repeat(levels)

describe('request shape limits (issue 17: deep nesting)', () => {
  let h: Harness
  beforeAll(async () => {
    h = await makeHarness()
  }, 30_000)
  afterAll(() => h.close())
  beforeEach(() => {
    h.logs.length = 0
  })

  it('answers a 5,000-level body with REQUEST.TOO_LARGE on every action, logged in, or not, and logs no error', async () => {
    const deep = deepArray(5000)
    for (const who of [null, as('u-wang')]) {
      for (const [fn, action] of [['user', 'me'], ['fee', 'myBills'], ['pay', 'create'], ['access', 'residentPass']] as const) {
        const res = await h.raw(fn, { action, input: { x: deep } }, who)
        expect(errorOf(res)).toMatchObject({ code: 'REQUEST.TOO_LARGE' })
      }
    }
    // The whole event is checked too, not just `input`.
    expect(codeOf(await h.raw('user', { action: 'me', input: {}, extra: deep }, null))).toBe('REQUEST.TOO_LARGE')
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([])
  })

  it('keeps the byte limit without serialising: a wide body is refused, a normal one passes the check', async () => {
    const wide = Array.from({ length: 30_000 }, (_, i) => i)
    expect(codeOf(await h.raw('user', { action: 'me', input: { wide } }, as('u-wang')))).toBe('REQUEST.TOO_LARGE')
    expect(codeOf(await h.raw('user', { action: 'me', input: { s: 'x'.repeat(70_000) } }, as('u-wang')))).toBe('REQUEST.TOO_LARGE')
    expect(shapeProblem({ a: [1, 2, { b: 'ok' }] }, INPUT_BUDGET)).toBeNull()
    expect(shapeProblem(deepArray(INPUT_BUDGET.maxDepth - 1), INPUT_BUDGET)).toBeNull()
    expect(shapeProblem(deepArray(INPUT_BUDGET.maxDepth + 1), INPUT_BUDGET)).toBe('depth')
  })

  it('refuses `input: null` instead of treating it as {}', async () => {
    const res = await h.raw('user', { action: 'me', input: null }, as('u-wang'))
    expect(errorOf(res)).toMatchObject({ code: 'REQUEST.INVALID_INPUT' })
    // An absent input still means {} for actions that take nothing.
    expect(await h.raw('user', { action: 'me' }, as('u-wang'))).toMatchObject({ ok: true })
  })

  it('measures JSON text nesting without parsing, ignoring brackets inside strings', () => {
    expect(jsonTextDepth('{"a":"[[[[[[","b":[1,{"c":2}]}', 100)).toBe(3)
    expect(jsonTextDepth('"\\"[["', 100)).toBe(0)
    expect(jsonTextDepth(deepText(5000), 32)).toBe(33)
    expect(parseBoundedJson(deepText(5000))).toEqual({ ok: false, reason: 'too_deep' })
    expect(parseBoundedJson('{"a":1')).toEqual({ ok: false, reason: 'not_json' })
    expect(parseBoundedJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } })
  })

  it('refuses deep or oversized bodies on the HTTP entries (gate, pay notify) before any route parses them', async () => {
    const gate = createHttpMain(accessModule, localRuntime(h.ports), accessHttpRoutes)
    const pay = createPayMain(localRuntime(h.ports))
    const ctx = { request_id: 'r-http', identity: null }
    const event = (p: string, body: string) => ({ httpMethod: 'POST', path: p, headers: {}, body, isBase64Encoded: false })
    for (const [main, p] of [[gate, '/gate/verify'], [pay, '/pay/notify']] as const) {
      expect(await main(event(p, deepText(5000)), ctx)).toMatchObject({ statusCode: 400 })
      expect(await main(event(p, JSON.stringify({ s: 'x'.repeat(70_000) })), ctx)).toMatchObject({ statusCode: 413 })
    }
    expect(h.logs.filter((l) => l.level === 'error')).toEqual([])
  })
})

describe('local server JSON parsing (issue 17)', () => {
  let app: RunningApp
  let dir: string
  const post = async (url: string, body: string) => {
    const res = await fetch(app.url.replace(/\/$/, '') + url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    const text = await res.text()
    return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> | null }
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'linli-limits-'))
    app = await startApp({ LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dir, LINLI_SCHEDULER: 'off' }, { quiet: true })
  }, 60_000)
  afterAll(async () => {
    await app.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('/dev/login answers broken JSON with 400 and a clear message, not 500', async () => {
    const res = await post('/dev/login', '{"personaId": ')
    expect(res.status).toBe(400)
    expect(String(res.json?.error)).toContain('JSON')
  })

  it('refuses a deeply nested API body with 413 REQUEST.TOO_LARGE', async () => {
    const res = await post('/api/user', `{"action":"me","input":{"x":${deepText(5000)}}}`)
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ ok: false, error: { code: 'REQUEST.TOO_LARGE' } })
  })

  it('refuses a deeply nested body on the local payment notify route', async () => {
    expect((await post('/pay/notify', deepText(5000))).status).toBe(400)
  })
})
