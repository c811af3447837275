import path from 'node:path'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { runJob } from '../cloudfunctions/kernel/main'
import { modules } from '../cloudfunctions/modules'
import { ROOT } from './server/app'
import { dbFile, loadSecrets, readLocalEnv } from './server/env'
import { localPorts } from './server/local-runtime'

/** `npm run job -- <name>`: runs one timer-triggered job now against the local database. */
async function main() {
  const name = process.argv[2]
  const all = modules.flatMap((m) => m.jobs.map((j) => ({ module: m, job: j })))
  const found = all.find((x) => x.job.name === name)
  if (!found) {
    console.error(`usage: npm run job -- <name>\n\njobs:\n${all.map((x) => `  ${x.job.name.padEnd(24)} ${x.job.cron.padEnd(18)} ${x.job.summary}`).join('\n')}`)
    process.exit(name ? 1 : 0)
  }
  const env = readLocalEnv()
  const dataDir = path.resolve(ROOT, env.LINLI_DATA_DIR)
  const secrets = loadSecrets(dataDir)
  const store = new SqliteStore(dbFile(dataDir))
  const ports = localPorts({ store, codePepper: secrets.codePepper })
  const result = await runJob(found.module, found.job.name, ports)
  console.log(JSON.stringify(result, null, 2))
  await store.close()
  process.exit(result.ok ? 0 : 1)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
