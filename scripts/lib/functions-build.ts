import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import { modules as declaredModules } from '../../cloudfunctions/modules'
import { type BundleResult, type BundleRules, bundle, bundleViolations, packageName } from './bundle'
import { type CloudbaseRc, cloudbaseRc, collectionsManifest, moduleProblems } from './cloudbase-config'
import { BUNDLED_SECRETS_FILE } from '../../cloudfunctions/adapters/cloudbase/secrets'
import { planDeploySettings } from './deploy-settings'
import { REPO_ROOT, relPosix } from './paths'

/**
 * Packages CloudBase installs next to the bundle (`installDependency: true`) instead of us
 * bundling them: the SDK is large, reads its own package files at run time and is what the
 * platform expects to find in node_modules. Everything else is bundled.
 */
export const FUNCTION_EXTERNALS: readonly string[] = [
  '@cloudbase/node-sdk',
  // Its index.js assigns to a getter-only `default`: harmless in sloppy CommonJS, a TypeError
  // inside a strict bundle. Installed in the cloud, it loads as its authors ship it.
  'wechatpay-axios-plugin',
  'wx-server-sdk'
]

/**
 * Externals only the cloud installs (not needed locally): pinned here. wx-server-sdk brings the
 * cloud calls (subscribe messages) and is loaded lazily by the push adapter.
 */
export const CLOUD_ONLY_VERSIONS: Readonly<Record<string, string>> = { 'wx-server-sdk': '4.0.2' }

/** What may end up in a cloud function: our cloudfunctions/ code and bundled packages, nothing else. */
export const FUNCTION_BUNDLE_RULES: BundleRules = {
  allowedInputRoots: ['cloudfunctions/', 'node_modules/'],
  // The local dev server, dev sessions and the SQLite adapter must never ship.
  forbiddenInputRoots: ['scripts/', 'tests/', 'bench/', 'src/', 'cloudfunctions/adapters/sqlite/'],
  forbiddenPackages: ['better-sqlite3'],
  allowedExternals: FUNCTION_EXTERNALS,
  forbiddenText: ['better-sqlite3', 'dev-session', 'signDevSession', 'verifyDevSession', 'scripts/server']
}

export class BuildError extends Error {
  override name = 'BuildError'
  constructor(readonly problems: readonly string[]) {
    super(`build:functions failed:\n  - ${problems.join('\n  - ')}`)
  }
}

export interface BuiltFunction {
  fn: string
  /** Absolute path of build/functions/<fn>/index.js. */
  file: string
  bytes: number
  mapBytes: number
  inputs: number
  dependencies: Record<string, string>
  ms: number
}

export interface BuildFunctionsReport {
  functions: BuiltFunction[]
  cloudbaserc: CloudbaseRc
  cloudbasercPath: string
  collectionsPath: string
  ms: number
}

export interface BuildFunctionsOptions {
  root?: string
  modules?: readonly FunctionModule[]
  /** Relative to root. */
  outDir?: string
  /**
   * A build to deploy: the settings every function needs are checked first (a missing or
   * invalid one fails the build, listing all), and the large WeChat Pay keys are written into
   * the bundles' settings files. Without it nothing is checked and no secret is written.
   */
  deployEnv?: Record<string, string>
}

/** Cloud calls a bundle makes, which CloudBase allows only when declared in its config.json. */
export const OPENAPI_CALLS = ['subscribeMessage.send', 'wxacode.getUnlimited', 'customerServiceMessage.send', 'urllink.generate'] as const

/** The cloud calls in a bundle's text (`openapi.subscribeMessage.send(`...). */
export function openapiCallsIn(text: string): string[] {
  return OPENAPI_CALLS.filter((c) => text.includes(`openapi.${c}(`))
}

interface LockEntry {
  version?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  [k: string]: unknown
}

/**
 * The part of the repository's package-lock.json a function installs: its externals and
 * everything they resolve to, as locked here, so the cloud install gets the versions the tests
 * ran against instead of whatever the registry has that day. Externals absent from the lock
 * (cloud-only ones) are left for npm to resolve from their pinned version.
 */
export function lockFor(rootLock: RootLock, name: string, version: string, dependencies: Record<string, string>): unknown {
  const all = rootLock.packages ?? {}
  const picked: Record<string, LockEntry> = {}
  const resolve = (from: string, dep: string): string | null => {
    // Node's lookup: the nearest node_modules up from the requiring package.
    let base = from
    for (;;) {
      const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`
      if (all[candidate]) return candidate
      if (!base) return null
      const cut = base.lastIndexOf('/node_modules/')
      base = cut < 0 ? '' : base.slice(0, cut)
    }
  }
  const queue = Object.keys(dependencies).flatMap((d) => (all[`node_modules/${d}`] ? [`node_modules/${d}`] : []))
  while (queue.length > 0) {
    const key = queue.shift()!
    if (picked[key]) continue
    const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = all[key]!
    picked[key] = entry
    const e = all[key]!
    for (const dep of Object.keys({ ...e.dependencies, ...e.optionalDependencies, ...e.peerDependencies })) {
      const at = resolve(key, dep)
      if (at && !picked[at]) queue.push(at)
    }
  }
  return { name, version, lockfileVersion: 3, requires: true, packages: { '': { name, version, dependencies }, ...picked } }
}

export const FUNCTIONS_OUT_DIR = 'build/functions'
const SOURCEMAP_DIR = 'build/sourcemaps'

async function exactVersion(root: string, pkg: string): Promise<string> {
  const file = path.join(root, 'node_modules', pkg, 'package.json')
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined
  if (typeof version !== 'string') throw new BuildError([`${file} has no version`])
  return version
}

/** Loads the bundle as CloudBase would (plain Node require) and checks it exports `main`. */
function exportsMain(file: string): boolean {
  const req = createRequire(file)
  const resolved = req.resolve(file)
  delete req.cache[resolved]
  try {
    const loaded: unknown = req(resolved)
    return typeof loaded === 'object' && loaded !== null && typeof (loaded as { main?: unknown }).main === 'function'
  } finally {
    delete req.cache[resolved]
  }
}

const entryOf = (root: string, fn: string) => path.join(root, 'cloudfunctions', fn, 'index.ts')

type RootLock = { packages?: Record<string, LockEntry> }

async function buildOne(root: string, outDir: string, m: FunctionModule, versions: Map<string, string>, rootLock: RootLock, settings: Record<string, string> | undefined): Promise<BuiltFunction> {
  const entry = entryOf(root, m.fn)
  const dir = path.join(root, outDir, m.fn)
  let b: BundleResult
  try {
    b = await bundle({
      root,
      entry,
      outfile: path.join(dir, 'index.js'),
      externals: FUNCTION_EXTERNALS,
      sourcemapFile: path.join(root, SOURCEMAP_DIR, m.fn, 'index.js.map')
    })
  } catch (e) {
    throw new BuildError([`${m.fn}: esbuild failed: ${e instanceof Error ? e.message : String(e)}`])
  }
  const problems = bundleViolations(b, FUNCTION_BUNDLE_RULES).map((p) => `${m.fn}: ${p}`)
  if (problems.length) throw new BuildError(problems)

  const dependencies: Record<string, string> = {}
  for (const spec of b.externalImports) {
    const pkg = packageName(spec)
    const version = versions.get(pkg)
    if (version) dependencies[pkg] = version
  }
  const rootPkg: unknown = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'))
  const version = (rootPkg as { version?: unknown }).version
  const pkgJson = {
    name: `linli-${m.fn}`,
    version: typeof version === 'string' ? version : '0.0.0',
    private: true,
    description: `linli cloud function ${m.fn} (generated by npm run build:functions; do not edit)`,
    main: 'index.js',
    dependencies
  }
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(pkgJson, null, 2) + '\n')
  await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify(lockFor(rootLock, pkgJson.name, pkgJson.version, dependencies), null, 2) + '\n')
  // Without the declaration CloudBase refuses the call (-604101).
  const openapi = openapiCallsIn(b.text)
  if (openapi.length > 0) await writeFile(path.join(dir, 'config.json'), JSON.stringify({ permissions: { openapi } }, null, 2) + '\n')
  if (settings) await writeFile(path.join(dir, BUNDLED_SECRETS_FILE), JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 })

  if (!exportsMain(b.outfile)) throw new BuildError([`${m.fn}: ${relPosix(root, b.outfile)} does not export a main function`])
  return { fn: m.fn, file: b.outfile, bytes: b.bytes, mapBytes: b.mapBytes, inputs: b.inputs.length, dependencies, ms: b.ms }
}

/**
 * Bundles every module's CloudBase entry into build/functions/<fn>/, then writes cloudbaserc.json
 * and build/functions/collections.json. Throws {@link BuildError} listing every problem.
 */
export async function buildFunctions(o: BuildFunctionsOptions = {}): Promise<BuildFunctionsReport> {
  const started = performance.now()
  const root = o.root ?? REPO_ROOT
  const modules = o.modules ?? declaredModules
  const outDir = o.outDir ?? FUNCTIONS_OUT_DIR

  const problems = moduleProblems(modules)
  const plan = o.deployEnv ? planDeploySettings(modules, o.deployEnv) : null
  if (plan) problems.push(...plan.problems)
  if (modules.length === 0) problems.push('cloudfunctions/modules.ts declares no modules')
  for (const m of modules) {
    if (!existsSync(entryOf(root, m.fn))) problems.push(`${m.fn}: no entry ${relPosix(root, entryOf(root, m.fn))}`)
  }
  if (problems.length) throw new BuildError(problems)

  const versions = new Map<string, string>()
  for (const pkg of FUNCTION_EXTERNALS) versions.set(pkg, CLOUD_ONLY_VERSIONS[pkg] ?? (await exactVersion(root, pkg)))

  // Start clean so a removed function never lingers in the deploy folder.
  await rm(path.join(root, outDir), { recursive: true, force: true })
  await rm(path.join(root, SOURCEMAP_DIR), { recursive: true, force: true })
  await mkdir(path.join(root, outDir), { recursive: true })

  const rootLock = JSON.parse(await readFile(path.join(root, 'package-lock.json'), 'utf8')) as RootLock
  const settled = await Promise.allSettled(modules.map((m) => buildOne(root, outDir, m, versions, rootLock, plan?.files.get(m.fn))))
  const failures = settled.flatMap((s) =>
    s.status === 'fulfilled' ? [] : s.reason instanceof BuildError ? [...s.reason.problems] : [String(s.reason)]
  )
  if (failures.length) {
    // Leave nothing deployable behind: a rejected bundle must not be one `tcb fn deploy` away.
    await rm(path.join(root, outDir), { recursive: true, force: true })
    throw new BuildError(failures)
  }
  const functions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))

  const rc = cloudbaseRc(modules, outDir)
  const cloudbasercPath = path.join(root, 'cloudbaserc.json')
  await writeFile(cloudbasercPath, JSON.stringify(rc, null, 2) + '\n')
  const collectionsPath = path.join(root, outDir, 'collections.json')
  await writeFile(collectionsPath, JSON.stringify(collectionsManifest(), null, 2) + '\n')

  return { functions, cloudbaserc: rc, cloudbasercPath, collectionsPath, ms: performance.now() - started }
}
