import path from 'node:path'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { buildDemo, seedDemo } from './seed/demo'
import { writeDemoPhotos } from './seed/photos'
import { ROOT } from './server/app'
import { dbFile, loadSecrets, readLocalEnv, uploadsDir } from './server/env'

/** `npm run seed`: (re)seeds the local database idempotently and prints the household codes. */
async function main() {
  const env = readLocalEnv()
  const dataDir = path.resolve(ROOT, env.LINLI_DATA_DIR)
  const secrets = loadSecrets(dataDir)
  const store = new SqliteStore(dbFile(dataDir))
  const report = await seedDemo(store, secrets.codePepper)
  console.log(`seed: ${report.inserted} inserted, ${report.skipped} already present`)
  const photos = writeDemoPhotos(uploadsDir(dataDir))
  console.log(`demo photos: ${photos.written} copied, ${photos.present} already present`)
  if (process.argv.includes('--codes')) {
    for (const h of buildDemo(secrets.codePepper).households) console.log(`${h.doc._id.padEnd(12)} ${h.code.slice(0, 4)}-${h.code.slice(4)}`)
  }
  await store.close()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
