import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

/** Newest modification time under a folder (ignoring nothing: src is small). */
function newest(dir: string): number {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

interface BuildSpec {
  /** What the build writes last-ish and is judged by. */
  index: string
  /** Folders whose newest file, if newer than `index`, makes the build stale. */
  inputs: string[]
  /** Said while building, and in the error: `npm run <script>` shows why it failed. */
  what: string
  script: string
  bin: string
  args: string[]
}

/** Runs a build when its output is missing or older than its inputs. */
function ensureBuilt(root: string, b: BuildSpec, force: boolean): void {
  const index = path.join(root, b.index)
  const stale = force || !existsSync(index) || b.inputs.some((d) => newest(path.join(root, d)) > statSync(index).mtimeMs)
  if (!stale) return
  console.log(`building ${b.what}…`)
  const r = spawnSync(path.join(root, 'node_modules', '.bin', b.bin), b.args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0 || !existsSync(index)) throw new Error(`${b.what} failed to build (run \`npm run ${b.script}\` to see why)`)
}

/** Rebuilds the H5 app when its sources (or the shared contracts) changed since the last build. */
export function ensureH5Build(root: string, force = false): void {
  ensureBuilt(root, { index: 'dist-h5/index.html', inputs: ['src', 'cloudfunctions/contracts', 'config'], what: 'the H5 app', script: 'build:h5', bin: 'taro', args: ['build', '--type', 'h5'] }, force)
}

/** Rebuilds the office console when its sources, the shared client core or the contracts changed since its last build. */
export function ensureConsoleBuild(root: string, force = false): void {
  ensureBuilt(
    root,
    { index: 'dist-console/index.html', inputs: ['console', 'src/client/core', 'src/utils', 'cloudfunctions/contracts'], what: 'the office console', script: 'build:console', bin: 'vite', args: ['build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'] },
    force
  )
}
