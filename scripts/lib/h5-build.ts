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

/** Rebuilds the H5 app when its sources (or the shared contracts) changed since the last build. */
export function ensureH5Build(root: string, force = false): void {
  const index = path.join(root, 'dist-h5', 'index.html')
  const inputs = ['src', 'cloudfunctions/contracts', 'config'].map((d) => path.join(root, d))
  const stale = force || !existsSync(index) || inputs.some((d) => newest(d) > statSync(index).mtimeMs)
  if (!stale) return
  console.log('building the H5 app (taro build --type h5)…')
  const taro = path.join(root, 'node_modules', '.bin', 'taro')
  const r = spawnSync(taro, ['build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0 || !existsSync(index)) throw new Error('H5 build failed (run `npm run build:h5` to see why)')
}

/** Rebuilds the office console when its sources, the shared client core or the contracts changed since its last build. */
export function ensureConsoleBuild(root: string, force = false): void {
  const index = path.join(root, 'dist-console', 'index.html')
  const inputs = ['console', 'src/client/core', 'src/utils', 'cloudfunctions/contracts'].map((d) => path.join(root, d))
  const stale = force || !existsSync(index) || inputs.some((d) => newest(d) > statSync(index).mtimeMs)
  if (!stale) return
  console.log('building the office console (vite build)…')
  const vite = path.join(root, 'node_modules', '.bin', 'vite')
  const r = spawnSync(vite, ['build', '--config', 'console/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  if (r.status !== 0 || !existsSync(index)) throw new Error('console build failed (run `npm run build:console` to see why)')
}
