import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { storeContract } from './contract'
import { rawStore } from '../support/raw-store'

const run = promisify(execFile)

function tempDir(): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'linli-store-'))
  return { dir, file: join(dir, 'test.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}

storeContract('sqlite :memory:', async () => {
  const store = new SqliteStore(':memory:')
  return { store, cleanup: () => store.close() }
})

// A file database exercises WAL and the on-disk indexes, as the local server and job runner use it.
storeContract('sqlite file', async () => {
  const tmp = tempDir()
  const store = new SqliteStore(tmp.file)
  return {
    store,
    cleanup: async () => {
      await store.close()
      tmp.remove()
    }
  }
})

describe('sqlite: a file made before unique indexes counted missing values', () => {
  it('rebuilds the old index on open, so a second document without the field is refused', async () => {
    const tmp = tempDir()
    try {
      const first = new SqliteStore(tmp.file)
      await first.close()
      // The index as files created before had it: NULLs distinct, any number of missing values.
      const raw = new Database(tmp.file)
      raw.exec(`DROP INDEX "users__uniq_openid"`)
      raw.exec(`CREATE UNIQUE INDEX "users__uniq_openid" ON "users" (json_extract(doc, '$.openid'))`)
      raw.close()
      const store = new SqliteStore(tmp.file)
      expect((await rawStore(store).insert('users', { _id: 'u1' })).ok).toBe(true)
      expect(await rawStore(store).insert('users', { _id: 'u2' })).toEqual({ ok: false, reason: 'DUPLICATE' })
      await store.close()
    } finally {
      tmp.remove()
    }
  })
})

describe('sqlite: several connections on one file', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.remove())

  it('two stores interleaving conditional decrements never oversell', async () => {
    const a = new SqliteStore(tmp.file)
    const b = new SqliteStore(tmp.file)
    try {
      await rawStore(a).insert('jobRuns', { _id: 'item', stock: 50 })
      const results = await Promise.all(
        Array.from({ length: 500 }, (_, i) => (i % 2 ? a : b).update('jobRuns', 'item', { inc: { stock: -1 } }, { stock: { gte: 1 } }))
      )
      expect(results.filter(Boolean)).toHaveLength(50)
      expect(await a.get('jobRuns', 'item')).toEqual({ _id: 'item', stock: 0 })
      expect(await b.get('jobRuns', 'item')).toEqual({ _id: 'item', stock: 0 })
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('two stores inserting the same unique key: exactly one wins', async () => {
    const a = new SqliteStore(tmp.file)
    const b = new SqliteStore(tmp.file)
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => rawStore(i % 2 ? a : b).insert('users', { _id: `u${i}`, openid: 'o-race' }))
      )
      expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(await b.count('users', { openid: 'o-race' })).toBe(1)
    } finally {
      await a.close()
      await b.close()
    }
  })

  // In-process calls are serialised by the event loop; separate processes really contend for
  // the file lock, as the dev server and `npm run job` do.
  it('four processes decrementing at once never oversell', async () => {
    const setup = new SqliteStore(tmp.file)
    await rawStore(setup).insert('jobRuns', { _id: 'item', stock: 1500 })
    await setup.close()
    const worker = join(__dirname, 'sqlite-decrement-worker.ts')
    const startAt = String(Date.now() + 3000)
    const outs = await Promise.all(
      Array.from({ length: 4 }, () => run(process.execPath, ['--import', 'tsx', worker, tmp.file, '1000', startAt], { timeout: 60_000 }))
    )
    const wins = outs.map((o) => Number(o.stdout.trim().split('\n').pop()))
    expect(wins.every((n) => Number.isInteger(n))).toBe(true)
    expect(wins.reduce((x, y) => x + y, 0)).toBe(1500)
    const check = new SqliteStore(tmp.file)
    expect(await check.get('jobRuns', 'item')).toEqual({ _id: 'item', stock: 0 })
    await check.close()
  }, 90_000)
})

describe('sqlite: the queries on every request use their indexes', () => {
  it('a user by openid uses the unique index, a caller’s memberships by_user, even in a community of thousands', async () => {
    const store = new SqliteStore(':memory:')
    try {
      for (let i = 0; i < 300; i++) {
        await rawStore(store).insert('memberships', { _id: `h${i}:u${i}`, userId: `u${i}`, householdId: `h${i}`, communityId: 'c1', relation: 'owner', status: 'active' })
        await rawStore(store).insert('users', { _id: `u${i}`, openid: `o${i}` })
      }
      expect(store.plan('users', { openid: 'o7' }).join(' ')).toMatch(/USING INDEX users__uniq_openid/)
      expect(store.plan('memberships', { userId: 'u7', communityId: 'c1', status: 'active' }).join(' ')).toMatch(/USING INDEX memberships__by_user/)
      // The rewritten equality means what it meant: one user found, none for a missing openid.
      expect(await store.find('users', { where: { openid: 'o7' } })).toEqual([{ _id: 'u7', openid: 'o7' }])
      expect(await store.find('users', { where: { openid: { in: ['o1', 'o2', 'nobody'] } } })).toHaveLength(2)
      expect(await store.count('users', { openid: null })).toBe(0)
    } finally {
      await store.close()
    }
  })
})
