/**
 * Child process for sqlite.test.ts: opens its own connection to the file, waits for the shared
 * start time (so the processes overlap despite uneven start-up), tries `attempts` conditional
 * decrements and prints how many applied.
 */
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'

async function main(): Promise<void> {
  const [file, attempts, startAt] = process.argv.slice(2)
  if (!file || !attempts || !startAt) throw new Error('usage: sqlite-decrement-worker <file> <attempts> <startAtMs>')
  const store = new SqliteStore(file)
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())))
  let wins = 0
  for (let i = 0; i < Number(attempts); i++) {
    if (await store.update('jobRuns', 'item', { inc: { stock: -1 } }, { stock: { gte: 1 } })) wins++
  }
  await store.close()
  process.stdout.write(`${wins}\n`)
}

main().catch((e: unknown) => {
  process.stderr.write(String(e instanceof Error ? e.stack : e))
  process.exit(1)
})
