import { rmSync } from 'node:fs'
import path from 'node:path'
import { bundle, bundleViolations } from '../../scripts/lib/bundle'
import { FUNCTION_BUNDLE_RULES, FUNCTION_EXTERNALS } from '../../scripts/lib/functions-build'
import { REPO_ROOT } from '../../scripts/lib/paths'

/**
 * The deployable `access` entry, bundled as build:functions bundles it and loaded as CloudBase
 * loads it: HTTP events from the HTTP access service reach the gate routes, mini-program calls
 * (with WX_OPENID) the ordinary request path. Only answers that need no database are exercised.
 */
jest.setTimeout(60_000)

type Main = (event: unknown, context?: unknown) => Promise<unknown>
const out = path.join(REPO_ROOT, 'build/test-access-bundle/index.js')
const savedEnv = { ...process.env }
let main: Main

beforeAll(async () => {
  const b = await bundle({ root: REPO_ROOT, entry: path.join(REPO_ROOT, 'cloudfunctions/access/index.ts'), outfile: out, externals: FUNCTION_EXTERNALS })
  expect(bundleViolations(b, FUNCTION_BUNDLE_RULES)).toEqual([])
  for (const k of Object.keys(process.env)) if (k.startsWith('WX_') || k.startsWith('TCB_')) delete process.env[k]
  Object.assign(process.env, { LINLI_CODE_PEPPER: 'test-pepper-0123456789', TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: 'test', TENCENTCLOUD_REGION: 'ap-shanghai' })
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  main = (require(out) as { main: Main }).main
})

afterAll(() => {
  process.env = savedEnv
  jest.restoreAllMocks()
  rmSync(path.dirname(out), { recursive: true, force: true })
})

const http = (over: Record<string, unknown> = {}) => ({
  path: '/gate/verify',
  httpMethod: 'POST',
  headers: { 'content-type': 'application/json' },
  queryStringParameters: {},
  requestContext: { requestId: 'r', envId: 'env' },
  body: '{}',
  isBase64Encoded: false,
  ...over
})
const scf = (vars: Record<string, string> = {}) => ({ request_id: 'req-1', environment: JSON.stringify(vars) })

describe('the CloudBase access bundle', () => {
  it('answers HTTP events with integrated responses: wrong method, unknown route', async () => {
    expect(await main(http({ httpMethod: 'GET' }), scf())).toMatchObject({ statusCode: 405, isBase64Encoded: false })
    const notFound = (await main(http({ path: '/gate/unlock-everything' }), scf())) as { statusCode: number; body: string; headers: Record<string, string> }
    expect(notFound.statusCode).toBe(404)
    expect(notFound.headers['content-type']).toMatch(/application\/json/)
    expect(JSON.parse(notFound.body)).toMatchObject({ error: 'NOT_FOUND', requestId: 'req-1' })
  })

  it('sends a mini-program caller dressed as an HTTP event down the ordinary path', async () => {
    expect(await main(http(), scf({ WX_OPENID: 'o-someone', WX_APPID: 'wx123' }))).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } })
  })

  it('answers a malformed mini-program envelope as every function does', async () => {
    expect(await main({}, scf())).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID', requestId: 'req-1' } })
  })
})
