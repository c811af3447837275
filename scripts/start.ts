import { rmSync } from 'node:fs'
import path from 'node:path'
import { PERSONAS } from './seed/demo'
import { ensureConsoleBuild, ensureH5Build } from './lib/h5-build'
import { ROOT, startApp } from './server/app'
import { printedSetupCode, readLocalEnv } from './server/env'

/**
 * `npm start`: builds the H5 app if needed, opens (and on first run seeds) the local database,
 * and serves app + functions on one port. `--fresh` starts the data over; `--empty` starts it over
 * with no demo at all, as a property company's first day (the setup code makes its administrator).
 */
async function main() {
  const args = new Set(process.argv.slice(2))
  const env = readLocalEnv()
  const empty = args.has('--empty')
  if (args.has('--fresh') || empty) {
    rmSync(path.resolve(ROOT, env.LINLI_DATA_DIR), { recursive: true, force: true })
    console.log(`removed ${env.LINLI_DATA_DIR}/: starting over ${empty ? 'with an empty database' : 'with fresh demo data'}`)
  }
  if (!args.has('--no-build')) {
    ensureH5Build(ROOT, args.has('--rebuild'))
    ensureConsoleBuild(ROOT, args.has('--rebuild'))
  }
  const app = await startApp(env, { quiet: !args.has('--verbose'), seed: !empty })
  if (app.seeded) console.log(`seeded the demo community (${PERSONAS.length} personas to log in as)`)
  console.log('')
  console.log(`  邻里 linli is running: ${app.url}`)
  console.log('  open it in a phone-sized browser window and pick a persona to log in')
  console.log(`  office console: ${app.url}console/ (scan with the app, or pick a staff persona)`)
  console.log(`  data: ${env.LINLI_DATA_DIR}/ (npm run start:fresh to start over)`)
  if (app.setupCode) {
    console.log(`  setup code (初始化码): ${printedSetupCode(app.setupCode)}`)
    console.log('  open the console, open its sign-in code in the app as 周总, choose 首次启用 and enter it:')
    console.log('  the first to do so becomes the company administrator and creates the first community')
  }
  console.log('')
  const stop = () => void app.stop().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
