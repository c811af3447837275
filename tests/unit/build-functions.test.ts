import { readFileSync, rmSync } from 'node:fs'
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
})

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

  it('lists every collection with its indexes', () => {
    const manifest = readJson(path.join(REPO_ROOT, 'build/functions/collections.json')) as {
      collections: { name: string; indexes: { name: string; fields: string[]; unique: boolean }[] }[]
    }
    expect(manifest.collections.map((c) => c.name)).toContain('users')
    expect(manifest.collections.find((c) => c.name === 'users')?.indexes).toEqual([
      { name: 'uniq_openid', fields: ['openid'], unique: true }
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
