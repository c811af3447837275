import { randomBytes } from 'node:crypto'
import {
  type CbCollection,
  type CbCommand,
  type CbDb,
  type CbQuery,
  CloudbaseStore
} from '../../cloudfunctions/adapters/cloudbase/cloudbase-store'
import { COLLECTIONS } from '../../cloudfunctions/kernel/collections'
import { StoreUsageError } from '../../cloudfunctions/kernel/store'
import { type CollectionAdmin, collectionAdmin } from './cloudbase-admin'
import { CONTRACT_COLLECTIONS, storeContract } from './contract'
import { rawStore } from '../support/raw-store'

/* ------------------------------------------------------------------------------------------ */
/* The real service: only with credentials, in a throwaway collection namespace.               */
/* ------------------------------------------------------------------------------------------ */

const REQUIRED_ENV = ['LINLI_TEST_CLOUDBASE_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const
const missing = REQUIRED_ENV.filter((k) => !process.env[k])

if (missing.length > 0) {
  console.log(`[store contract] CloudBase run skipped: set ${missing.join(', ')} to run it against a real environment`)
  describe.skip('Store contract: cloudbase (real environment)', () => {
    it.skip('needs LINLI_TEST_CLOUDBASE_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY', () => undefined)
  })
} else {
  jest.setTimeout(180_000)
  // An environment caps its collections: the suite creates only the few it uses, under a random
  // prefix, with the unique indexes it tests (so those cases run too), and drops them at the end.
  const prefix = `test_${randomBytes(4).toString('hex')}_`
  const credentials = {
    envId: process.env.LINLI_TEST_CLOUDBASE_ENV ?? '',
    secretId: process.env.TENCENTCLOUD_SECRETID ?? '',
    secretKey: process.env.TENCENTCLOUD_SECRETKEY ?? '',
    region: process.env.TENCENTCLOUD_REGION ?? 'ap-shanghai'
  }
  let db: (CbDb & { command: CbCommand & { exists(v: boolean): unknown } }) | null = null
  let admin: CollectionAdmin | null = null

  beforeAll(async () => {
    admin = await collectionAdmin(credentials)
    for (const name of CONTRACT_COLLECTIONS) {
      const unique = COLLECTIONS[name].indexes.filter((i) => i.unique === true)
      await admin.create(prefix + name, unique)
    }
    const { default: tcb } = await import('@cloudbase/node-sdk')
    const app = tcb.init({ env: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey })
    db = app.database() as unknown as CbDb & { command: CbCommand & { exists(v: boolean): unknown } }
  }, 180_000)

  afterAll(async () => {
    const failures: string[] = []
    for (const name of CONTRACT_COLLECTIONS) await admin?.drop(prefix + name).catch((e: unknown) => failures.push(`${prefix + name}: ${String(e)}`))
    if (failures.length) throw new Error(`could not drop: ${failures.join('; ')}`)
  }, 180_000)

  console.log(`[store contract] CloudBase run in collections prefixed ${prefix}`)
  storeContract(
    `cloudbase (${prefix})`,
    async () => {
      if (!db) throw new Error('not connected')
      const conn = db
      return {
        store: new CloudbaseStore(conn, prefix),
        cleanup: async () => {
          for (const name of CONTRACT_COLLECTIONS) await conn.collection(prefix + name).where({ _id: conn.command.exists(true) }).remove()
        }
      }
    },
    { uniqueIndexes: true, timeoutMs: 180_000 }
  )
}

/* ------------------------------------------------------------------------------------------ */
/* Translation to the SDK, against a recording fake: runs everywhere.                          */
/* ------------------------------------------------------------------------------------------ */

interface Tag {
  op: string
  v?: unknown
  args?: unknown[]
}

/** Command methods return plain tagged objects, so a translated query can be compared whole. */
const command: CbCommand = {
  eq: (v) => ({ op: 'eq', v }),
  neq: (v) => ({ op: 'neq', v }),
  gt: (v) => ({ op: 'gt', v }),
  gte: (v) => ({ op: 'gte', v }),
  lt: (v) => ({ op: 'lt', v }),
  lte: (v) => ({ op: 'lte', v }),
  in: (v) => ({ op: 'in', v }),
  // The SDK takes `and(a, b)` and `and([a, b])` alike; record both as one flat list.
  and: (...c) => ({ op: 'and', args: c.length === 1 && Array.isArray(c[0]) ? c[0] : c }),
  or: (...c) => ({ op: 'or', args: c.length === 1 && Array.isArray(c[0]) ? c[0] : c }),
  inc: (n) => ({ op: 'inc', v: n }),
  set: (v) => ({ op: 'set', v }),
  remove: () => ({ op: 'remove' })
}

interface Call {
  collection: string
  where?: unknown
  orderBy: [string, string][]
  limit?: number
  skip?: number
  terminal?: string
  data?: unknown
}

type Reply = Record<string, unknown> | Error

class FakeDb implements CbDb {
  readonly command = command
  readonly calls: Call[] = []
  /** Replies for the next terminal operations, in order; an Error makes the call reject. */
  readonly replies: Reply[] = []

  collection(name: string): CbCollection {
    const call: Call = { collection: name, orderBy: [] }
    this.calls.push(call)
    const reply = async (terminal: string, data?: unknown): Promise<Record<string, unknown>> => {
      call.terminal = terminal
      if (data !== undefined) call.data = data
      const r = this.replies.shift() ?? {}
      if (r instanceof Error) throw r
      return r
    }
    const query: CbCollection = {
      where(q) {
        call.where = q
        return query
      },
      orderBy(field, dir) {
        call.orderBy.push([field, dir])
        return query
      },
      limit(n) {
        call.limit = n
        return query
      },
      skip(n) {
        call.skip = n
        return query
      },
      get: () => reply('get') as ReturnType<CbQuery['get']>,
      count: () => reply('count') as ReturnType<CbQuery['count']>,
      update: (data) => reply('update', data) as ReturnType<CbQuery['update']>,
      remove: () => reply('remove') as ReturnType<CbQuery['remove']>,
      add: (data) => reply('add', data) as ReturnType<CbCollection['add']>
    }
    return query
  }

  last(): Call {
    const c = this.calls[this.calls.length - 1]
    if (!c) throw new Error('no call recorded')
    return c
  }
}

const eq = (v: unknown): Tag => ({ op: 'eq', v })

describe('CloudbaseStore translation (recording fake)', () => {
  let db: FakeDb
  let store: CloudbaseStore
  beforeEach(() => {
    db = new FakeDb()
    store = new CloudbaseStore(db, 'p_')
  })

  describe('toQuery', () => {
    it('maps no filter to an empty query and bare scalars to _.eq', () => {
      expect(store.toQuery(undefined)).toEqual({})
      expect(store.toQuery({ tag: 'x', n: 3, flag: false, z: null })).toEqual({ tag: eq('x'), n: eq(3), flag: eq(false), z: eq(null) })
    })

    it('maps each operator, and several on one field to _.and', () => {
      expect(store.toQuery({ a: { eq: 1 }, b: { ne: null }, c: { gt: 1 }, d: { gte: 'x' }, e: { lt: 2 }, f: { lte: 3 } })).toEqual({
        a: eq(1),
        b: { op: 'neq', v: null },
        c: { op: 'gt', v: 1 },
        d: { op: 'gte', v: 'x' },
        e: { op: 'lt', v: 2 },
        f: { op: 'lte', v: 3 }
      })
      expect(store.toQuery({ n: { gt: 1, lt: 5 } })).toEqual({ n: { op: 'and', args: [{ op: 'gt', v: 1 }, { op: 'lt', v: 5 }] } })
    })

    it('passes a copy of the list to _.in, including an empty one', () => {
      const list = ['a', 'b'] as const
      const q = store.toQuery({ tag: { in: list } }) as { tag: Tag }
      expect(q).toEqual({ tag: { op: 'in', v: ['a', 'b'] } })
      expect(q.tag.v).not.toBe(list)
      expect(store.toQuery({ tag: { in: [] } })).toEqual({ tag: { op: 'in', v: [] } })
    })

    it('never sends an empty and / or (CloudBase rejects them): everything, or nothing', () => {
      expect(store.toQuery({ and: [] })).toEqual({})
      expect(store.toQuery({ or: [] })).toEqual({ _id: { op: 'in', v: [] } })
      expect(store.toQuery({ and: [{ or: [] }, { n: 1 }] })).toEqual({ op: 'and', args: [{ _id: { op: 'in', v: [] } }, { n: eq(1) }] })
      expect(store.toQuery({ or: [{ tag: 'x' }] })).toEqual({ tag: eq('x') })
    })

    it('nests and / or and keeps dotted paths as keys', () => {
      expect(
        store.toQuery({ or: [{ 'addr.b': 'b1' }, { and: [{ flag: true }, { or: [{ n: { lt: 3 } }, { s: 'z' }] }] }] })
      ).toEqual({
        op: 'or',
        args: [
          { 'addr.b': eq('b1') },
          { op: 'and', args: [{ flag: eq(true) }, { op: 'or', args: [{ n: { op: 'lt', v: 3 } }, { s: eq('z') }] }] }
        ]
      })
    })

    it('refuses unsafe field names and unknown operators', () => {
      expect(() => store.toQuery({ 'a b': 1 })).toThrow(StoreUsageError)
      expect(() => store.toQuery({ and: [{ "$where": 1 }] })).toThrow(StoreUsageError)
      expect(() => store.toQuery({ n: { regex: '.*' } } as never)).toThrow(StoreUsageError)
    })
  })

  describe('toUpdate', () => {
    it('uses _.set for objects and arrays (replace whole), bare values for scalars', () => {
      expect(store.toUpdate({ set: { s: 'b', n: 2, ok: false, nil: null, addr: { b: 'b9' }, list: [1], 'meta.floor': 4 } })).toEqual({
        s: 'b',
        n: 2,
        ok: false,
        nil: null,
        addr: { op: 'set', v: { b: 'b9' } },
        list: { op: 'set', v: [1] },
        'meta.floor': 4
      })
    })

    it('refuses a parent and its child in one update before calling the service (MongoDB path conflict)', async () => {
      expect(() => store.toUpdate({ set: { addr: { b: 'b9' } }, inc: { 'addr.floor': 1 } })).toThrow(StoreUsageError)
      await expect(store.update('jobRuns', 'd', { set: { n: 1 }, inc: { n: 1 } })).rejects.toBeInstanceOf(StoreUsageError)
      expect(db.calls.every((c) => c.terminal === undefined)).toBe(true)
    })

    it('uses _.inc and _.remove', () => {
      expect(store.toUpdate({ inc: { stock: -1, 'a.b': 2 }, unset: ['gone'] })).toEqual({
        stock: { op: 'inc', v: -1 },
        'a.b': { op: 'inc', v: 2 },
        gone: { op: 'remove' }
      })
    })

    it('refuses an empty spec and unsafe field names', () => {
      expect(() => store.toUpdate({})).toThrow(StoreUsageError)
      expect(() => store.toUpdate({ set: { 'a;b': 1 } })).toThrow(StoreUsageError)
      expect(() => store.toUpdate({ unset: ['$x'] })).toThrow(StoreUsageError)
    })
  })

  describe('update', () => {
    it('builds _.and([{_id}, condition]) for a conditional update, in the prefixed collection', async () => {
      db.replies.push({ updated: 1 })
      expect(await store.update('jobRuns', 'item', { inc: { stock: -1 } }, { stock: { gte: 1 } })).toBe(true)
      expect(db.last()).toMatchObject({
        collection: 'p_jobRuns',
        terminal: 'update',
        where: { op: 'and', args: [{ _id: eq('item') }, { stock: { op: 'gte', v: 1 } }] },
        data: { stock: { op: 'inc', v: -1 } }
      })
    })

    it('matches by _id alone without a condition', async () => {
      db.replies.push({ updated: 1 })
      await store.update('users', 'u1', { set: { nickname: 'x' } })
      expect(db.last().where).toEqual({ _id: 'u1' })
    })

    it('is true only when exactly one document was updated', async () => {
      db.replies.push({ updated: 0 }, {}, { updated: 1 })
      expect(await store.update('jobRuns', 'a', { set: { s: 1 } }, { s: 0 })).toBe(false)
      expect(await store.update('jobRuns', 'a', { set: { s: 1 } })).toBe(false)
      expect(await store.update('jobRuns', 'a', { set: { s: 1 } })).toBe(true)
    })

    it('maps a duplicate-key failure to false and throws on any other error code', async () => {
      db.replies.push({ code: 'DATABASE_DUPLICATE_WRITE', message: 'E11000 duplicate key error' })
      expect(await store.update('users', 'u2', { set: { openid: 'taken' } })).toBe(false)
      db.replies.push(new Error('E11000 duplicate key error collection: x.users index: uniq_openid dup key'))
      expect(await store.update('users', 'u2', { set: { openid: 'taken' } })).toBe(false)
      db.replies.push({ code: 'DATABASE_PERMISSION_DENIED', message: 'no' })
      await expect(store.update('users', 'u2', { set: { openid: 'x' } })).rejects.toThrow(/DATABASE_PERMISSION_DENIED/)
    })
  })

  describe('insert', () => {
    it('adds the document with its _id and reports ok', async () => {
      db.replies.push({ id: 'd1' })
      expect(await rawStore(store).insert('jobRuns', { _id: 'd1', n: 1 })).toEqual({ ok: true, id: 'd1' })
      expect(db.last()).toMatchObject({ collection: 'p_jobRuns', terminal: 'add', data: { _id: 'd1', n: 1 } })
    })

    it("maps the SDK's duplicate code to DUPLICATE, whatever the message says, and never names an index", async () => {
      db.replies.push(Object.assign(new Error('唯一索引冲突'), { code: 'DATABASE_DUPLICATE_WRITE' }))
      expect(await rawStore(store).insert('users', { _id: 'u2', openid: 'o' })).toEqual({ ok: false, reason: 'DUPLICATE' })
      db.replies.push({ code: 'DATABASE_DUPLICATE_WRITE', message: 'any wording at all' })
      expect(await rawStore(store).insert('invitations', { _id: 'i2', token: 't' })).toEqual({ ok: false, reason: 'DUPLICATE' })
    })

    it('maps a MongoDB E11000 in a reply without that code to DUPLICATE', async () => {
      db.replies.push(new Error('E11000 duplicate key error collection: tcb.p_users index: uniq_openid dup key: { openid: "o" }'))
      expect(await rawStore(store).insert('users', { _id: 'u2', openid: 'o' })).toEqual({ ok: false, reason: 'DUPLICATE' })
      db.replies.push({ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error index: uniq_token dup key' })
      expect(await rawStore(store).insert('invitations', { _id: 'i2', token: 't' })).toEqual({ ok: false, reason: 'DUPLICATE' })
    })

    it('rethrows other failures', async () => {
      db.replies.push(new Error('network down'))
      await expect(store.insert('jobRuns', { _id: 'd1' })).rejects.toThrow('network down')
      db.replies.push({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'no such collection' })
      await expect(store.insert('jobRuns', { _id: 'd1' })).rejects.toThrow(/DATABASE_COLLECTION_NOT_EXIST/)
    })
  })

  describe('reads and remove', () => {
    it('get queries by _id with limit 1 and returns null when nothing came back', async () => {
      db.replies.push({ data: [{ _id: 'a', n: 1 }] }, { data: [] })
      expect(await store.get('jobRuns', 'a')).toEqual({ _id: 'a', n: 1 })
      expect(db.last()).toMatchObject({ where: { _id: 'a' }, limit: 1, terminal: 'get' })
      expect(await store.get('jobRuns', 'b')).toBeNull()
    })

    it('find passes filter, order, offset and a default limit of 100', async () => {
      db.replies.push({ data: [] }, { data: [] })
      await store.find('jobRuns', { where: { tag: 'x' }, orderBy: [{ field: 'n', dir: 'desc' }, { field: 's', dir: 'asc' }], offset: 20, limit: 10 })
      expect(db.last()).toMatchObject({ where: { tag: eq('x') }, orderBy: [['n', 'desc'], ['s', 'asc']], skip: 20, limit: 10 })
      await store.find('jobRuns')
      expect(db.last()).toMatchObject({ where: {}, limit: 100 })
    })

    it('find refuses a limit above 1000 before calling the service', async () => {
      await expect(store.find('jobRuns', { limit: 1001 })).rejects.toBeInstanceOf(StoreUsageError)
      expect(db.calls.every((c) => c.terminal === undefined)).toBe(true)
    })

    it('count returns the total, and a service error throws', async () => {
      db.replies.push({ total: 7 }, { code: 'DATABASE_TIMEOUT', message: 'slow' })
      expect(await store.count('jobRuns', { n: { gt: 1 } })).toBe(7)
      expect(db.last().where).toEqual({ n: { op: 'gt', v: 1 } })
      await expect(store.count('jobRuns')).rejects.toThrow(/DATABASE_TIMEOUT/)
    })

    it('remove builds the same conditional query and is true only for one deleted document', async () => {
      db.replies.push({ deleted: 1 }, { deleted: 0 })
      expect(await store.remove('jobRuns', 'a', { tag: 'x' })).toBe(true)
      expect(db.last().where).toEqual({ op: 'and', args: [{ _id: eq('a') }, { tag: eq('x') }] })
      expect(await store.remove('jobRuns', 'b')).toBe(false)
      expect(db.last().where).toEqual({ _id: 'b' })
    })
  })
})
