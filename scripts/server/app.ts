import type { Server } from 'node:http'
import path from 'node:path'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { jsonLogger } from '../../cloudfunctions/adapters/system'
import { modules } from '../../cloudfunctions/modules'
import { seedDemo } from '../seed/demo'
import { writeDemoPhotos } from '../seed/photos'
import { runNightly } from '../../cloudfunctions/domain/insights/nightly'
import { type LocalEnvT, dbFile, loadSecrets, uploadsDir } from './env'
import { createLocalServer } from './http'
import { type LocalPorts, localMains, localPorts } from './local-runtime'
import { payRoutes } from './pay-routes'
import { gateRoutes } from './gate-routes'
import { photoUploads } from './uploads'
import { startScheduler } from './scheduler'

export interface RunningApp {
  url: string
  server: Server
  ports: LocalPorts
  seeded: boolean
  /** The setup code, while no company administrator exists yet (an empty database); else null. */
  setupCode: string | null
  stop(): Promise<void>
}

/** How long the start-up insights catch-up may run on an existing database. */
const START_BUDGET_MS = 45_000

export const ROOT = path.resolve(__dirname, '..', '..')

/**
 * Opens the data folder's database (seeding the demo when new, unless `seed` is false: then the
 * company starts from nothing, with the setup code), and serves the app and the functions.
 */
export async function startApp(env: LocalEnvT, opts: { quiet?: boolean; seed?: boolean } = {}): Promise<RunningApp> {
  const dataDir = path.resolve(ROOT, env.LINLI_DATA_DIR)
  const secrets = loadSecrets(dataDir)
  const store = new SqliteStore(dbFile(dataDir))
  const log = jsonLogger({ runtime: 'local' }, opts.quiet ? () => undefined : console.log)
  const ports = localPorts({ store, codePepper: secrets.codePepper, setupCode: secrets.setupCode, devSessionSecret: secrets.devSessionSecret, log })
  const seeded = opts.seed !== false && (await store.count('communities')) === 0
  if (seeded) await seedDemo(store, secrets.codePepper)
  const setupOpen = (await store.count('admins')) === 0
  // The demo's photos, copied into the upload folder once; a folder emptied by hand gets them back at the next start.
  writeDemoPhotos(uploadsDir(dataDir))
  // Brings the insights up to date (the machine may have been off at night). A fresh demo waits
  // for it, so its dashboard has figures at once; an existing database catches up in the
  // background, within the timer's budget, and never holds up the server.
  const catchUp = () => runNightly(ports, seeded ? {} : { budgetMs: START_BUDGET_MS }).then((r) => log.info('insights pass at start', r))
  if (seeded) await catchUp()
  else void catchUp().catch((e: unknown) => log.error('insights pass at start failed', { error: String(e) }))

  const server = createLocalServer({
    mains: localMains(ports),
    ports,
    devSessionSecret: secrets.devSessionSecret,
    staticDir: path.join(ROOT, 'dist-h5'),
    consoleDir: path.join(ROOT, 'dist-console'),
    routes: { ...payRoutes(ports), ...gateRoutes(ports) },
    handlers: [photoUploads({ dir: uploadsDir(dataDir), store, now: () => ports.clock.now() })]
  })
  const stopScheduler = env.LINLI_SCHEDULER === 'on' ? startScheduler(modules, ports) : () => undefined
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(env.LINLI_PORT, env.LINLI_HOST, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : env.LINLI_PORT
  return {
    url: `http://${env.LINLI_HOST}:${port}/`,
    server,
    ports,
    seeded,
    setupCode: setupOpen ? secrets.setupCode : null,
    async stop() {
      stopScheduler()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await store.close()
    }
  }
}
