import { mkdir, writeFile } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as esbuild from 'esbuild'
import { relPosix } from './paths'

/**
 * The runtime every function is declared with in cloudbaserc.json, and the bundles' syntax target.
 * CloudBase offers Node.js 16.13 (end of life), 18.15, 20.19, 22.21, 24.11 and 26.x; the newest
 * this code supports is 20.19: package.json's `engines` pins Node 20, and the bundles are loaded
 * and tested on Node 20 (tests/unit/function-bundles.test.ts). Moving to 22 or 24 means moving
 * `engines` and the test machines first. Change both constants together.
 */
export const ESBUILD_TARGET = 'node20'
export const CLOUDBASE_RUNTIME = 'Nodejs20.19'

export interface BundleOptions {
  /** absWorkingDir: metafile paths are relative to it. */
  root: string
  /** An entry file (absolute), or inline source for tiny bundles such as the benchmark baseline. */
  entry: string | { contents: string; sourcefile: string }
  /** Absolute path of the `.js` file to write. */
  outfile: string
  /** Package names left to `require()` at run time (their sub-paths too). */
  externals: readonly string[]
  /** Where to write `<basename>.map`; no source map when absent. Kept out of the deploy folder. */
  sourcemapFile?: string
  minify?: boolean
}

export interface BundleResult {
  outfile: string
  bytes: number
  mapBytes: number
  /** Every bundled source, relative to `root` with forward slashes (`node_modules/zod/...`). */
  inputs: string[]
  /** Bare specifiers the bundle still `require()`s: Node built-ins and the externals. */
  externalImports: string[]
  text: string
  ms: number
}

/** Bundles one entry into a single CommonJS file for Node, as CloudBase loads it. */
export async function bundle(o: BundleOptions): Promise<BundleResult> {
  const started = performance.now()
  const entry =
    typeof o.entry === 'string'
      ? { entryPoints: [o.entry] }
      : { stdin: { contents: o.entry.contents, sourcefile: o.entry.sourcefile, resolveDir: o.root, loader: 'ts' as const } }
  const result = await esbuild.build({
    ...entry,
    absWorkingDir: o.root,
    tsconfig: path.join(o.root, 'tsconfig.json'),
    bundle: true,
    platform: 'node',
    target: ESBUILD_TARGET,
    format: 'cjs',
    outfile: o.outfile,
    external: o.externals.flatMap((p) => [p, `${p}/*`]),
    minify: o.minify ?? false,
    sourcemap: o.sourcemapFile ? 'external' : false,
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: 'silent',
    legalComments: 'none'
  })

  let text = ''
  let mapBytes = 0
  for (const file of result.outputFiles) {
    if (file.path.endsWith('.map')) {
      if (!o.sourcemapFile) continue
      await mkdir(path.dirname(o.sourcemapFile), { recursive: true })
      await writeFile(o.sourcemapFile, file.contents)
      mapBytes = file.contents.byteLength
    } else {
      text = file.text
      await mkdir(path.dirname(file.path), { recursive: true })
      await writeFile(file.path, file.contents)
    }
  }

  const outKey = relPosix(o.root, o.outfile)
  const output = result.metafile.outputs[outKey]
  if (!output) throw new Error(`esbuild metafile has no output ${outKey}`)
  return {
    outfile: o.outfile,
    bytes: Buffer.byteLength(text),
    mapBytes,
    inputs: Object.keys(result.metafile.inputs).sort(),
    externalImports: [...new Set(output.imports.filter((i) => i.external).map((i) => i.path))].sort(),
    text,
    ms: performance.now() - started
  }
}

const BUILTINS = new Set(builtinModules)

export function isNodeBuiltin(specifier: string): boolean {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier
  return BUILTINS.has(bare) || BUILTINS.has(bare.split('/')[0] ?? '')
}

/** `@scope/pkg/sub/path` -> `@scope/pkg`, `pkg/sub` -> `pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier)
}

export interface BundleRules {
  /** Every input must live under one of these folders (relative, with a trailing slash). */
  allowedInputRoots: readonly string[]
  /** Inputs under these folders fail the build with a pointed message (checked first). */
  forbiddenInputRoots: readonly string[]
  /** Packages that must be neither bundled nor required. */
  forbiddenPackages: readonly string[]
  /** Non-built-in packages the bundle may require (they go to package.json `dependencies`). */
  allowedExternals: readonly string[]
  /** Strings that must not appear in the bundle text. */
  forbiddenText: readonly string[]
}

/** Every reason the bundle must not ship; empty when it may. */
export function bundleViolations(b: BundleResult, rules: BundleRules): string[] {
  const problems: string[] = []
  for (const input of b.inputs) {
    const forbidden = rules.forbiddenInputRoots.find((r) => input.startsWith(r))
    if (forbidden) problems.push(`bundles ${input} (nothing under ${forbidden} may ship)`)
    else if (!rules.allowedInputRoots.some((r) => input.startsWith(r))) {
      problems.push(`bundles ${input}, outside ${rules.allowedInputRoots.join(', ')}`)
    }
    for (const pkg of rules.forbiddenPackages) {
      if (input.includes(`node_modules/${pkg}/`)) problems.push(`bundles ${pkg} (${input})`)
    }
  }
  for (const spec of b.externalImports) {
    if (isNodeBuiltin(spec)) continue
    const pkg = packageName(spec)
    if (rules.forbiddenPackages.includes(pkg)) problems.push(`requires ${spec} at run time`)
    else if (!rules.allowedExternals.includes(pkg)) problems.push(`requires ${spec}, which is not a declared external`)
  }
  for (const needle of rules.forbiddenText) {
    if (b.text.includes(needle)) problems.push(`contains the text "${needle}"`)
  }
  return problems
}
