import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { modules } from '../../cloudfunctions/modules'
import { type BundleResult, bundle, bundleViolations } from '../../scripts/lib/bundle'
import {
  BuildError,
  type BuildFunctionsReport,
  CLOUD_ONLY_VERSIONS,
  FUNCTION_BUNDLE_RULES,
  FUNCTION_EXTERNALS,
  buildFunctions
} from '../../scripts/lib/functions-build'
import { REPO_ROOT } from '../../scripts/lib/paths'
import { parseDotEnv, planDeploySettings } from '../../scripts/lib/deploy-settings'
import { rsaKeyPair } from '../support/pay'

/**
 * Builds the real deploy artifacts (build/functions, cloudbaserc.json) and checks what would ship.
 * esbuild runs in-process: about 1 s, plus babel-jest transforming the 800 KB bundle on the first
 * require (cached afterwards).
 */
jest.setTimeout(60_000)


const PEPPER = 'test-pepper-0123456789'
const fnDir = (fn: string) => path.join(REPO_ROOT, 'build', 'functions', fn)
const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

type Main = (event: unknown, context?: unknown) => Promise<unknown>


let report: BuildFunctionsReport
const savedEnv = { ...process.env }

beforeAll(async () => {
  report = await buildFunctions()
}, 180_000)

afterAll(() => {
  process.env = savedEnv
})

describe('build:functions', () => {
  it('writes one bundle per module, each with a package.json pinning the externals', () => {
    expect(report.functions.map((f) => f.fn).sort()).toEqual(modules.map((m) => m.fn).sort())
    const sdkVersion = (readJson(path.join(REPO_ROOT, 'node_modules/@cloudbase/node-sdk/package.json')) as { version: string }).version
    for (const m of modules) {
      const built = report.functions.find((f) => f.fn === m.fn)
      expect(built?.bytes).toBeGreaterThan(0)
      expect(readFileSync(path.join(fnDir(m.fn), 'index.js'), 'utf8').length).toBeGreaterThan(0)
      expect(readJson(path.join(fnDir(m.fn), 'package.json'))).toMatchObject({
        main: 'index.js',
        dependencies: { '@cloudbase/node-sdk': sdkVersion }
      })
      // Only declared externals, each pinned: installed versions, or the cloud-only pins.
      const deps = (readJson(path.join(fnDir(m.fn), 'package.json')) as { dependencies: Record<string, string> }).dependencies
      for (const [pkg, version] of Object.entries(deps)) {
        expect(FUNCTION_EXTERNALS).toContain(pkg)
        const installed = CLOUD_ONLY_VERSIONS[pkg] ?? (readJson(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json')) as { version: string }).version
        expect(version).toBe(installed)
      }
    }
  })

  it('declares every function, its limits and every job as a timer trigger in cloudbaserc.json', () => {
    const rc = readJson(path.join(REPO_ROOT, 'cloudbaserc.json'))
    expect(rc).toMatchObject({ version: '2.0', envId: '{{env.ENV_ID}}', functionRoot: 'build/functions' })
    const functions = (rc as { functions: unknown[] }).functions
    expect(functions).toHaveLength(modules.length)
    for (const m of modules) {
      const f = functions.find((x) => (x as { name?: unknown }).name === m.fn)
      expect(f).toMatchObject({
        name: m.fn,
        timeout: m.timeoutSec,
        memorySize: m.memoryMB,
        installDependency: true,
        handler: 'index.main',
        envVariables: { LINLI_CODE_PEPPER: '{{env.LINLI_CODE_PEPPER}}' }
      })
      expect((f as { runtime?: unknown }).runtime).toMatch(/^Nodejs\d+\.\d+$/)
      expect((f as { triggers: unknown[] }).triggers).toEqual(
        m.jobs.map((j) => ({ name: j.name, type: 'timer', config: j.cron }))
      )
    }
  })

  it('declares the Node.js 20.19 runtime and every variable each function reads (a deploy replaces the whole set)', () => {
    const rc = readJson(path.join(REPO_ROOT, 'cloudbaserc.json')) as { functions: { name: string; runtime: string; envVariables: Record<string, string> }[] }
    for (const f of rc.functions) {
      expect(f.runtime).toBe('Nodejs20.19')
      const m = modules.find((x) => x.fn === f.name)
      const vars = Object.keys(f.envVariables)
      expect(vars).toEqual(expect.arrayContaining(['LINLI_CODE_PEPPER', 'LINLI_TEMPLATE_ARREARS', 'LINLI_TEMPLATE_EVENT_REMINDER', 'LINLI_TEMPLATE_EVENT_PROMOTED']))
      if (m?.usesPayment) expect(vars).toEqual(expect.arrayContaining(['WECHATPAY_APPID', 'WECHATPAY_MCHID', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_NOTIFY_URL']))
      else expect(vars.filter((v) => v.startsWith('WECHATPAY_'))).toEqual([])
      // The large keys never sit in the 4 KB of variables: they travel in the bundle's settings file.
      expect(vars).not.toContain('WECHATPAY_PRIVATE_KEY')
      expect(vars).not.toContain('WECHATPAY_PLATFORM_CERTS')
    }
  })

  it('writes config.json with permissions.openapi beside every function that makes cloud calls', () => {
    for (const m of modules) {
      const text = readFileSync(path.join(fnDir(m.fn), 'index.js'), 'utf8')
      const calls = ['subscribeMessage.send', 'wxacode.getUnlimited', 'customerServiceMessage.send', 'urllink.generate'].filter((c) => text.includes(`openapi.${c}(`))
      const file = path.join(fnDir(m.fn), 'config.json')
      if (calls.length === 0) expect(existsSync(file)).toBe(false)
      else expect(readJson(file)).toEqual({ permissions: { openapi: calls } })
    }
    // The poster codes of events and pre-sales, subscribe messages everywhere the notifier runs, and
    // the URL Links of texts everywhere the runtime can send one.
    expect(readJson(path.join(fnDir('event'), 'config.json'))).toEqual({ permissions: { openapi: ['subscribeMessage.send', 'wxacode.getUnlimited', 'urllink.generate'] } })
    expect((readJson(path.join(fnDir('fee'), 'config.json')) as { permissions: { openapi: string[] } }).permissions.openapi).toContain('subscribeMessage.send')
    // 客服 replies only from the function 消息推送 delivers to.
    expect((readJson(path.join(fnDir('desk'), 'config.json')) as { permissions: { openapi: string[] } }).permissions.openapi).toContain('customerServiceMessage.send')
    for (const m of modules.filter((x) => x.fn !== 'desk')) {
      expect((readJson(path.join(fnDir(m.fn), 'config.json')) as { permissions: { openapi: string[] } }).permissions.openapi).not.toContain('customerServiceMessage.send')
    }
  })

  it("locks each function's installed externals to the versions this repository tested", () => {
    const rootLock = readJson(path.join(REPO_ROOT, 'package-lock.json')) as { packages: Record<string, { version?: string }> }
    for (const m of modules) {
      const lock = readJson(path.join(fnDir(m.fn), 'package-lock.json')) as { lockfileVersion: number; packages: Record<string, { version?: string; dev?: boolean }> }
      expect(lock.lockfileVersion).toBe(3)
      expect(lock.packages['node_modules/@cloudbase/node-sdk']?.version).toBe(rootLock.packages['node_modules/@cloudbase/node-sdk']?.version)
      for (const [key, entry] of Object.entries(lock.packages)) {
        if (key === '') continue
        expect(entry.version).toBe(rootLock.packages[key]?.version)
        expect(entry.dev).toBeUndefined()
      }
    }
    expect(Object.keys((readJson(path.join(fnDir('pay'), 'package-lock.json')) as { packages: object }).packages)).toContain('node_modules/wechatpay-axios-plugin')
  })

  it('lists every collection with its indexes', () => {
    const manifest = readJson(path.join(REPO_ROOT, 'build/functions/collections.json')) as {
      collections: { name: string; indexes: { name: string; fields: string[]; unique: boolean }[] }[]
    }
    expect(manifest.collections.map((c) => c.name)).toContain('users')
    expect(manifest.collections.find((c) => c.name === 'users')?.indexes).toEqual([
      { name: 'uniq_openid', fields: ['openid'], unique: true },
      { name: 'by_phone', fields: ['phone'], unique: false },
      { name: 'by_phone_tail', fields: ['phoneTail'], unique: false }
    ])
  })

  it('ships neither the dev server, dev sessions nor better-sqlite3', () => {
    for (const m of modules) {
      const text = readFileSync(path.join(fnDir(m.fn), 'index.js'), 'utf8')
      for (const needle of ['dev-session', 'signDevSession', 'verifyDevSession', 'better-sqlite3', 'scripts/server']) {
        expect(text).not.toContain(needle)
      }
    }
  })
})

describe('a deploy build (--deploy)', () => {
  const merchant = rsaKeyPair(0)
  const wechat = rsaKeyPair(1)
  /** The custom-login key file CloudBase's console hands out, as one value. */
  const CUSTOM_LOGIN_KEY = JSON.stringify({ private_key_id: 'key-id-1', private_key: rsaKeyPair(2).privateKey, env_id: 'linli-prod-1a2b' })
  const complete: Record<string, string> = {
    ENV_ID: 'linli-prod-1a2b',
    LINLI_CODE_PEPPER: 'a-long-enough-pepper-value',
    WECHATPAY_APPID: 'wx0123456789abcdef',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_SERIAL: '3775B6A45ACD588826D15E583A95F5DD3FD2A1E1',
    WECHATPAY_PRIVATE_KEY: merchant.privateKey,
    WECHATPAY_APIV3_KEY: 'abcdefghijklmnopqrstuvwxyz012345',
    WECHATPAY_NOTIFY_URL: 'https://linli.example.com/pay/notify',
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114232019043020000000000012345678',
    WECHATPAY_PUBLIC_KEY: wechat.publicKey,
    LINLI_CUSTOM_LOGIN_KEY: CUSTOM_LOGIN_KEY
  }

  it('fails loudly, listing every missing setting, and writes nothing', async () => {
    const { WECHATPAY_APIV3_KEY: _k, LINLI_CODE_PEPPER: _p, ...partial } = complete
    const err = await buildFunctions({ deployEnv: partial }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BuildError)
    const problems = (err as BuildError).problems.join('\n')
    expect(problems).toContain('LINLI_CODE_PEPPER is missing')
    expect(problems).toContain('WECHATPAY_APIV3_KEY')
    expect(readFileSync(path.join(fnDir('user'), 'index.js'), 'utf8').length).toBeGreaterThan(0)
  })

  it('reads .env as the CLI does', () => {
    expect(parseDotEnv('# c\nENV_ID=abc\nLINLI_CODE_PEPPER="x y"\n\nBROKEN\n')).toEqual({ ENV_ID: 'abc', LINLI_CODE_PEPPER: 'x y' })
  })

  it('puts the large keys in the bundles that use them only, keeps every variable set under 4 KB', () => {
    const plan = planDeploySettings(modules, complete)
    expect(plan.problems).toEqual([])
    expect([...plan.files.keys()].sort()).toEqual(modules.filter((m) => m.usesPayment || m.signsInConsoles).map((m) => m.fn).sort())
    expect(plan.files.get('booking')).toEqual({ WECHATPAY_PRIVATE_KEY: merchant.privateKey, WECHATPAY_PUBLIC_KEY: wechat.publicKey })
    expect(plan.files.get('office')).toEqual({ LINLI_CUSTOM_LOGIN_KEY: CUSTOM_LOGIN_KEY })
    const { LINLI_CUSTOM_LOGIN_KEY: _key, ...keyless } = complete
    expect(planDeploySettings(modules, keyless).problems.join('\n')).toContain('office: LINLI_CUSTOM_LOGIN_KEY is missing')
    const huge = planDeploySettings(modules, { ...complete, LINLI_TEMPLATE_ARREARS: 'x'.repeat(5000) })
    expect(huge.problems.join('\n')).toContain('over CloudBase')
  })
})

describe('the bundle guard', () => {
  const scratch = path.join(REPO_ROOT, 'build/test-bundle-guard')
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('rejects a bundle that pulls in the dev server', async () => {
    const b = await bundle({
      root: REPO_ROOT,
      entry: {
        contents: "export { signDevSession as main } from './scripts/server/dev-session'",
        sourcefile: 'leaky-entry.ts'
      },
      outfile: path.join(scratch, 'index.js'),
      externals: FUNCTION_EXTERNALS
    })
    const problems = bundleViolations(b, FUNCTION_BUNDLE_RULES)
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('scripts/server/dev-session.ts')]))
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining('signDevSession')]))
  })

  it('rejects better-sqlite3, bundled or required, and undeclared externals', () => {
    const base: BundleResult = { outfile: 'x.js', bytes: 1, mapBytes: 0, inputs: [], externalImports: [], text: '', ms: 0 }
    expect(bundleViolations({ ...base, inputs: ['node_modules/better-sqlite3/lib/database.js'] }, FUNCTION_BUNDLE_RULES)).not.toEqual([])
    expect(bundleViolations({ ...base, externalImports: ['better-sqlite3'] }, FUNCTION_BUNDLE_RULES)).not.toEqual([])
    expect(bundleViolations({ ...base, externalImports: ['left-pad'] }, FUNCTION_BUNDLE_RULES)).not.toEqual([])
    expect(bundleViolations({ ...base, externalImports: ['node:crypto', 'fs', '@cloudbase/node-sdk'] }, FUNCTION_BUNDLE_RULES)).toEqual([])
  })

  it('refuses a module without a CloudBase entry before touching build/', async () => {
    const user = modules[0]
    if (!user) throw new Error('no modules')
    await expect(buildFunctions({ modules: [{ ...user, fn: 'no-such-fn' }] })).rejects.toBeInstanceOf(BuildError)
    expect(readFileSync(path.join(fnDir('user'), 'index.js'), 'utf8').length).toBeGreaterThan(0)
  })
})

describe('the CloudBase user bundle', () => {
  let main: Main

  beforeAll(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith('WX_') || k.startsWith('TCB_')) delete process.env[k]
    process.env.LINLI_CODE_PEPPER = PEPPER
    // What the SCF runtime sets. Without TENCENTCLOUD_RUNENV=SCF, tcb.init() (run on the first
    // call) fires an un-awaited GET to http://metadata.tencentyun.com with a 30 ms timeout to
    // guess whether it runs in Tencent Cloud: harmless but a network call and an open handle.
    process.env.TENCENTCLOUD_RUNENV = 'SCF'
    process.env.SCF_NAMESPACE = 'test'
    process.env.TENCENTCLOUD_REGION = 'ap-shanghai'
    jest.spyOn(console, 'log').mockImplementation(() => undefined)
    jest.spyOn(console, 'error').mockImplementation(() => undefined)
    // The built CommonJS bundle itself is under test, so it is loaded the way CloudBase loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(path.join(fnDir('user'), 'index.js'))
    const candidate = (loaded as { main?: unknown }).main
    if (typeof candidate !== 'function') throw new Error('build/functions/user/index.js does not export main')
    main = candidate as Main
  })

  afterAll(() => jest.restoreAllMocks())

  const bodyIdentity = { action: 'me', input: {}, openid: 'dev-u-wang', identity: { openid: 'x' } }

  it('ignores a dev-session identity in the context and an identity in the body', async () => {
    // A context shaped like the one SCF passes (`environment` is a JSON string of the invocation's
    // variables: no WX_OPENID here), with a dev session's identity added on top.
    const context = { request_id: 'r1', environment: '{}', identity: { openid: 'dev-u-wang', source: 'dev' } }
    const res = await main(bodyIdentity, context)
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', requestId: 'r1' } })
  })

  it('never authenticates from a bare local-server context either', async () => {
    // The local server's context ({ request_id, identity }) is not an SCF context: the CloudBase
    // runtime must read no identity from it, and say so as an ordinary refusal.
    const res = await main(bodyIdentity, { request_id: 'r1', identity: { openid: 'dev-u-wang', source: 'dev' } })
    expect(res).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED', requestId: 'r1' } })
  })

  it('answers a malformed envelope without touching the database', async () => {
    const res = await main({}, { request_id: 'r2', environment: '{}' })
    expect(res).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID', requestId: 'r2' } })
  })
})
