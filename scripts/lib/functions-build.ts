import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { FunctionModule } from '../../cloudfunctions/kernel/module'
import { modules as declaredModules } from '../../cloudfunctions/modules'
import { type BundleResult, type BundleRules, bundle, bundleViolations, packageName } from './bundle'
import { type CloudbaseRc, cloudbaseRc, collectionsManifest, moduleProblems } from './cloudbase-config'
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

async function buildOne(root: string, outDir: string, m: FunctionModule, versions: Map<string, string>): Promise<BuiltFunction> {
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

  const settled = await Promise.allSettled(modules.map((m) => buildOne(root, outDir, m, versions)))
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
