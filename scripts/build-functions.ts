/**
 * `npm run build:functions`: bundles each cloud function for CloudBase and writes cloudbaserc.json.
 *
 * - build/functions/<fn>/index.js           CommonJS bundle exporting `main` (esbuild, target node20,
 *                                           runtime Nodejs20.19; see scripts/lib/bundle.ts)
 * - build/functions/<fn>/package.json       `main: index.js`, dependencies = the externals, pinned to
 *                                           the exact installed version (CloudBase installs them)
 * - build/functions/<fn>/package-lock.json  those externals' tree as locked in this repository
 * - build/functions/<fn>/config.json        the cloud calls the bundle makes (`permissions.openapi`)
 * - build/functions/<fn>/settings.json      `--deploy` only: the large WeChat Pay keys (git-ignored)
 * - build/functions/collections.json        collections and indexes to create in the console
 * - build/sourcemaps/<fn>/index.js.map      kept out of the deploy folder, for decoding stack traces
 * - cloudbaserc.json                        functions, runtime, memory, timeouts, every variable, timer triggers
 *
 * Fails (exit 1) when a bundle would ship anything from scripts/ (the dev server and dev
 * sessions), better-sqlite3, or requires a package that is not a declared external; with
 * `--deploy`, also when a setting a function needs is missing or invalid.
 */
import path from 'node:path'
import { readDeployEnv } from './lib/deploy-settings'
import { BuildError, buildFunctions } from './lib/functions-build'
import { REPO_ROOT, relPosix } from './lib/paths'

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

async function cli(): Promise<void> {
  // `--deploy`: check every setting the functions need (from `.env`, as the CloudBase CLI reads
  // it, and the shell) and ship the large keys inside the bundles; fail loudly on anything missing.
  const deploy = process.argv.includes('--deploy')
  const report = await buildFunctions(deploy ? { deployEnv: readDeployEnv(path.join(REPO_ROOT, '.env')) } : {})
  const rows = report.functions.map((f) => [
    f.fn,
    `${f.bytes} B`,
    kb(f.bytes),
    String(f.inputs),
    Object.entries(f.dependencies).map(([k, v]) => `${k}@${v}`).join(', ') || '-'
  ])
  const header = ['function', 'bytes', 'size', 'inputs', 'dependencies']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  console.log(line(header))
  for (const r of rows) console.log(line(r))
  console.log(
    `wrote ${report.functions.length} function(s) to ${relPosix(REPO_ROOT, path.dirname(report.collectionsPath))}/, ` +
      `${relPosix(REPO_ROOT, report.cloudbasercPath)}, ${relPosix(REPO_ROOT, report.collectionsPath)} in ${Math.round(report.ms)} ms`
  )
  if (!deploy) console.log('not checked for deploying: run `npm run build:functions -- --deploy` before `tcb fn deploy`')
}

cli().catch((e: unknown) => {
  console.error(e instanceof BuildError ? e.message : e)
  process.exit(1)
})
