/**
 * `npm run build:functions`: bundles each cloud function for CloudBase and writes cloudbaserc.json.
 *
 * - build/functions/<fn>/index.js      CommonJS bundle exporting `main` (esbuild, target node16,
 *                                      runtime Nodejs16.13; see scripts/lib/bundle.ts)
 * - build/functions/<fn>/package.json  `main: index.js`, dependencies = the externals, pinned to
 *                                      the exact installed version (CloudBase installs them)
 * - build/functions/collections.json   collections and indexes to create in the console
 * - build/sourcemaps/<fn>/index.js.map kept out of the deploy folder, for decoding stack traces
 * - cloudbaserc.json                   functions, memory, timeouts and timer triggers
 *
 * Fails (exit 1) when a bundle would ship anything from scripts/ (the dev server and dev
 * sessions), better-sqlite3, or requires a package that is not a declared external.
 */
import path from 'node:path'
import { BuildError, buildFunctions } from './lib/functions-build'
import { REPO_ROOT, relPosix } from './lib/paths'

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

async function cli(): Promise<void> {
  const report = await buildFunctions()
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
}

cli().catch((e: unknown) => {
  console.error(e instanceof BuildError ? e.message : e)
  process.exit(1)
})
