import { execFile } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { BUNDLED_SECRETS_FILE, withBundledSecrets } from '../../cloudfunctions/adapters/cloudbase/secrets'
import { contextVariables, platformIdentity } from '../../cloudfunctions/adapters/cloudbase/identity'
import { modules } from '../../cloudfunctions/modules'
import { bundle, bundleViolations } from '../../scripts/lib/bundle'
import { FUNCTION_BUNDLE_RULES, FUNCTION_EXTERNALS } from '../../scripts/lib/functions-build'
import { REPO_ROOT } from '../../scripts/lib/paths'
import { rsaKeyPair } from '../support/pay'

/**
 * Issue 17, section 2: every function's CloudBase entry, bundled as build:functions bundles it and
 * run as CloudBase runs it (plain Node, a fresh process per case, only the environment given):
 * - the runtime's wiring comes from the module: exactly the modules that declare `usesPayment`
 *   refuse to start without the WeChat Pay settings (booking once started without them and then
 *   failed its refunds), and take their large keys from the settings file beside the bundle;
 * - identity comes from the invocation context only: a stale `WX_OPENID` in the process
 *   environment of a warm instance is nobody.
 */
jest.setTimeout(120_000)

const run = promisify(execFile)
const outDir = path.join(REPO_ROOT, 'build/test-function-wiring')
const fileOf = (fn: string) => path.join(outDir, fn, 'index.js')

/** Loads the bundle with plain `require`, makes the calls in order, prints the answers and every log line. */
const RUNNER = `
const [file, callsJson] = process.argv.slice(1)
const logs = []
console.log = (...a) => logs.push(a.join(' '))
console.error = (...a) => logs.push(a.join(' '))
const { main } = require(file)
;(async () => {
  const answers = []
  for (const c of JSON.parse(callsJson)) answers.push(await main(c.event, c.context))
  process.stdout.write(JSON.stringify({ answers, logs }))
})().catch((e) => { process.stdout.write(JSON.stringify({ crash: String(e && e.stack || e), logs })) })
`

interface Call {
  event: unknown
  context: unknown
}
interface Ran {
  answers: { ok?: boolean; error?: { code: string } }[]
  logs: string[]
  crash?: string
}

const BASE_ENV = {
  PATH: process.env.PATH ?? '',
  LINLI_CODE_PEPPER: 'test-pepper-0123456789',
  // What SCF sets; without it tcb.init() probes a metadata host.
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: 'test',
  TENCENTCLOUD_REGION: 'ap-shanghai'
}

async function runBundle(fn: string, env: Record<string, string>, calls: Call[]): Promise<Ran> {
  const { stdout } = await run(process.execPath, ['-e', RUNNER, fileOf(fn), JSON.stringify(calls)], { env, timeout: 60_000 })
  const ran = JSON.parse(stdout) as Ran
  if (ran.crash) throw new Error(`${fn} crashed: ${ran.crash}`)
  return ran
}

const scf = (vars: Record<string, string> = {}) => ({ request_id: 'req-wiring', environment: JSON.stringify(vars) })
const malformed: Call = { event: {}, context: scf() }

const merchant = rsaKeyPair(0)
const wechat = rsaKeyPair(1)
const CUSTOM_LOGIN_KEY = JSON.stringify({ private_key_id: 'key-id-1', private_key: rsaKeyPair(2).privateKey, env_id: 'linli-test-env' })
/** Small settings: environment variables. */
const MERCHANT_VARS = {
  WECHATPAY_APPID: 'wx0123456789abcdef',
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_SERIAL: '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1',
  WECHATPAY_APIV3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
  WECHATPAY_NOTIFY_URL: 'https://linli.example.com/pay/notify',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232019043020000000000012345678'
}
/** Large keys: the bundle's settings file. */
const MERCHANT_FILE = { WECHATPAY_PRIVATE_KEY: merchant.privateKey, WECHATPAY_PUBLIC_KEY: wechat.publicKey }

beforeAll(async () => {
  rmSync(outDir, { recursive: true, force: true })
  for (const m of modules) {
    const b = await bundle({ root: REPO_ROOT, entry: path.join(REPO_ROOT, 'cloudfunctions', m.fn, 'index.ts'), outfile: fileOf(m.fn), externals: FUNCTION_EXTERNALS })
    expect(bundleViolations(b, FUNCTION_BUNDLE_RULES)).toEqual([])
  }
})
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('each bundle takes its runtime wiring from its module', () => {
  it.each(modules.map((m) => [m.fn, m.usesPayment === true, m.signsInConsoles === true] as const))('%s (usesPayment: %s, signsInConsoles: %s)', async (fn, usesPayment, signsInConsoles) => {
    rmSync(path.join(outDir, fn, BUNDLED_SECRETS_FILE), { force: true })
    const bare = await runBundle(fn, BASE_ENV, [malformed])
    if (signsInConsoles) {
      // Without the custom-login key it refuses every call, saying why, rather than failing at the first sign-in.
      expect(bare.answers[0]).toMatchObject({ ok: false, error: { code: 'INTERNAL.ERROR' } })
      expect(bare.logs.join('\n')).toContain('LINLI_CUSTOM_LOGIN_KEY is missing')
      writeFileSync(path.join(outDir, fn, BUNDLED_SECRETS_FILE), JSON.stringify({ LINLI_CUSTOM_LOGIN_KEY: CUSTOM_LOGIN_KEY }))
      const configured = await runBundle(fn, BASE_ENV, [malformed])
      expect(configured.answers[0]).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } })
    } else if (usesPayment) {
      // Refuses every call, with the reason logged, rather than failing at its first refund.
      expect(bare.answers[0]).toMatchObject({ ok: false, error: { code: 'INTERNAL.ERROR' } })
      expect(bare.logs.join('\n')).toContain('invalid WeChat Pay settings')
      // With the small settings in the environment and the keys in the bundle's file, it starts.
      writeFileSync(path.join(outDir, fn, BUNDLED_SECRETS_FILE), JSON.stringify(MERCHANT_FILE))
      const configured = await runBundle(fn, { ...BASE_ENV, ...MERCHANT_VARS }, [malformed])
      expect(configured.answers[0]).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } })
    } else {
      // Needs no merchant settings: the ordinary answer to a malformed envelope.
      expect(bare.answers[0]).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } })
    }
  })
})

describe('identity comes from the invocation context only', () => {
  const me: Call = { event: { action: 'me', input: {} }, context: scf() }

  it('a stale WX_OPENID in the environment of a warm instance never becomes a caller', async () => {
    const stale = { ...BASE_ENV, WX_OPENID: 'o-stale-caller', WX_APPID: 'wx0123456789abcdef', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID' }
    const ran = await runBundle('user', stale, [me, me])
    for (const a of ran.answers) expect(a).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } })
  })

  it('reads WX_OPENID from the context environment (current and older architecture), nothing else', () => {
    const saved = process.env.WX_OPENID
    process.env.WX_OPENID = 'o-stale'
    try {
      expect(platformIdentity({}, { environment: JSON.stringify({ WX_OPENID: 'o-1', WX_APPID: 'wx1' }) })).toEqual({ openid: 'o-1', appid: 'wx1', source: 'wechat' })
      expect(platformIdentity({}, { environ: 'WX_OPENID=o-2;WX_UNIONID=u-2' })).toEqual({ openid: 'o-2', unionid: 'u-2', source: 'wechat' })
      expect(platformIdentity({}, { environment: '{}' })).toBeNull()
      expect(platformIdentity({}, undefined)).toBeNull()
      expect(platformIdentity({}, { request_id: 'r', identity: { openid: 'dev-u-wang' } })).toBeNull()
      expect(contextVariables({ environment: 'not json' })).toEqual({})
    } finally {
      if (saved === undefined) delete process.env.WX_OPENID
      else process.env.WX_OPENID = saved
    }
  })
})

describe('the settings file', () => {
  it('fills only what the environment leaves empty', () => {
    const dir = path.join(outDir, 'settings-probe')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, BUNDLED_SECRETS_FILE), JSON.stringify({ A: 'from-file', B: 'from-file' }))
    expect(withBundledSecrets({ A: 'from-env', B: ' ' }, dir)).toMatchObject({ A: 'from-env', B: 'from-file' })
    expect(withBundledSecrets({ A: 'x' }, path.join(outDir, 'nowhere'))).toEqual({ A: 'x' })
  })
})
