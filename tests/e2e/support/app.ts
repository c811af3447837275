import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureConsoleBuild, ensureH5Build } from '../../../scripts/lib/h5-build'
import { ROOT, type RunningApp, startApp } from '../../../scripts/server/app'
import { loadSecrets } from '../../../scripts/server/env'

export interface TestApp extends RunningApp {
  dataDir: string
  codePepper: string
  close(): Promise<void>
}

/**
 * The real local server on a free port with its own throwaway data folder and fresh demo data
 * (or, with `seed: false`, an empty database: a company's first day).
 */
export async function startTestApp(opts: { seed?: boolean } = {}): Promise<TestApp> {
  if (!existsSync(path.join(ROOT, 'dist-h5', 'index.html'))) ensureH5Build(ROOT)
  if (!existsSync(path.join(ROOT, 'dist-console', 'index.html'))) ensureConsoleBuild(ROOT)
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'))
  const app = await startApp(
    { LINLI_HOST: '127.0.0.1', LINLI_PORT: 0, LINLI_DATA_DIR: dataDir, LINLI_SCHEDULER: 'off' },
    { quiet: true, seed: opts.seed !== false }
  )
  return {
    ...app,
    dataDir,
    codePepper: loadSecrets(dataDir).codePepper,
    async close() {
      await app.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
