/**
 * The Store port's contract, run against every adapter. Use cases rely on these semantics (a
 * conditional update is the only concurrency primitive we have), so an adapter that passes here
 * can be swapped in without touching the domain.
 *
 * Results are compared as sorted id lists unless the query orders them: CloudBase gives no
 * natural order without `orderBy`.
 */
import { type Doc, type Filter, type Store, StoreUsageError } from '../../cloudfunctions/kernel/store'
import { type RawStore, type Row, rawStore } from '../support/raw-store'

/** The only collections the suite touches: a real environment creates these, and drops them after. */
export const CONTRACT_COLLECTIONS = ['jobRuns', 'attempts', 'users'] as const

export interface StoreUnderTest {
  store: Store
  cleanup(): Promise<void>
}

export interface ContractOptions {
  /**
   * Whether the declared unique indexes exist. The SQLite adapter creates them itself; a
   * throwaway CloudBase namespace has none unless they were created in the console.
   */
  uniqueIndexes?: boolean
  /** Timeout of the setup hooks; a remote backend also needs `jest.setTimeout` for the tests. */
  timeoutMs?: number
}

const sortedIds = (rows: readonly Doc[]) => rows.map((r) => r._id).sort()
const idsInOrder = (rows: readonly Doc[]) => rows.map((r) => r._id)

/** A small fixture with every field shape the filters need: missing fields, nulls, nesting. */
const FIXTURE: Row[] = [
  { _id: 'r1', n: 1, s: 'a', flag: true, tag: 'x', addr: { b: 'b1', floor: 3 }, z: null },
  { _id: 'r2', n: 2, s: 'b', flag: false, tag: 'y', addr: { b: 'b1', floor: 5 } },
  { _id: 'r3', n: 3, s: 'c', flag: true, addr: { b: 'b2', floor: 1 } },
  { _id: 'r4', n: 4, s: 'd', tag: 'x', z: 0 },
  { _id: 'r5', n: 5, s: 'e', flag: false, tag: 'z', z: 'q' }
]

export function storeContract(name: string, make: () => Promise<StoreUnderTest>, opts: ContractOptions = {}): void {
  const uniqueIndexes = opts.uniqueIndexes ?? true
  const itUnique = uniqueIndexes ? it : it.skip

  describe(`Store contract: ${name}`, () => {
    let sut: StoreUnderTest
    let store: RawStore

    beforeEach(async () => {
      sut = await make()
      store = rawStore(sut.store)
    }, opts.timeoutMs)
    afterEach(async () => {
      await sut.cleanup()
    }, opts.timeoutMs)

    async function load(rows: readonly Row[] = FIXTURE): Promise<void> {
      for (const r of rows) expect(await store.insert('jobRuns', r)).toEqual({ ok: true, id: r._id })
    }
    const where = async (filter: Filter) => sortedIds(await store.find('jobRuns', { where: filter }))

    describe('get and insert', () => {
      it('returns null for a missing id and the stored document after insert', async () => {
        expect(await store.get('jobRuns', 'nope')).toBeNull()
        const doc = { _id: 'd1', n: 7, s: 'x', ok: true, nil: null, list: [1, 'two'], nested: { a: { b: 1 } } }
        expect(await store.insert('jobRuns', doc)).toEqual({ ok: true, id: 'd1' })
        expect(await store.get('jobRuns', 'd1')).toEqual(doc)
      })

      it('refuses a duplicate _id with DUPLICATE and keeps the first document', async () => {
        await store.insert('jobRuns', { _id: 'd1', v: 1 })
        expect(await store.insert('jobRuns', { _id: 'd1', v: 2 })).toEqual({ ok: false, reason: 'DUPLICATE' })
        expect(await store.get('jobRuns', 'd1')).toEqual({ _id: 'd1', v: 1 })
      })

      it('keeps collections apart: the same _id may exist in two collections', async () => {
        expect((await store.insert('jobRuns', { _id: 'same' })).ok).toBe(true)
        expect((await store.insert('attempts', { _id: 'same', count: 0 })).ok).toBe(true)
        expect(await store.get('attempts', 'same')).toEqual({ _id: 'same', count: 0 })
      })

      itUnique('refuses a duplicate on a declared unique index, without saying which (read what is there)', async () => {
        expect((await store.insert('users', { _id: 'u1', openid: 'o-1' })).ok).toBe(true)
        expect(await store.insert('users', { _id: 'u2', openid: 'o-1' })).toEqual({ ok: false, reason: 'DUPLICATE' })
        expect(await store.get('users', 'u2')).toBeNull()
        expect((await store.insert('users', { _id: 'u3', openid: 'o-3' })).ok).toBe(true)
      })
    })

    describe('find filters', () => {
      beforeEach(() => load())

      it('treats a bare scalar as equality', async () => {
        expect(await where({ tag: 'x' })).toEqual(['r1', 'r4'])
        expect(await where({ n: 3 })).toEqual(['r3'])
        expect(await where({ n: '3' })).toEqual([])
      })

      it('eq and ne; ne also matches documents without the field', async () => {
        expect(await where({ tag: { eq: 'y' } })).toEqual(['r2'])
        expect(await where({ tag: { ne: 'x' } })).toEqual(['r2', 'r3', 'r5'])
      })

      it('gt, gte, lt, lte on numbers and strings, and several operators on one field', async () => {
        expect(await where({ n: { gt: 2 } })).toEqual(['r3', 'r4', 'r5'])
        expect(await where({ n: { gte: 2 } })).toEqual(['r2', 'r3', 'r4', 'r5'])
        expect(await where({ n: { lt: 2 } })).toEqual(['r1'])
        expect(await where({ n: { lte: 2 } })).toEqual(['r1', 'r2'])
        expect(await where({ n: { gt: 1, lt: 5 } })).toEqual(['r2', 'r3', 'r4'])
        expect(await where({ s: { gte: 'c' } })).toEqual(['r3', 'r4', 'r5'])
        // A missing field never satisfies a range.
        expect(await where({ 'addr.floor': { lt: 100 } })).toEqual(['r1', 'r2', 'r3'])
      })

      it('in, including an empty list that matches nothing', async () => {
        expect(await where({ tag: { in: ['x', 'z'] } })).toEqual(['r1', 'r4', 'r5'])
        expect(await where({ n: { in: [2, 4, 99] } })).toEqual(['r2', 'r4'])
        expect(await where({ tag: { in: [] } })).toEqual([])
        expect(await where({ _id: { in: ['r1', 'r3', 'missing'] } })).toEqual(['r1', 'r3'])
      })

      it('several fields in one filter are all required', async () => {
        expect(await where({ tag: 'x', n: { gt: 1 } })).toEqual(['r4'])
      })

      it('and / or nest', async () => {
        expect(await where({ and: [{ flag: true }, { n: { gt: 1 } }] })).toEqual(['r3'])
        expect(await where({ or: [{ tag: 'y' }, { n: 5 }] })).toEqual(['r2', 'r5'])
        expect(
          await where({
            or: [{ and: [{ tag: 'x' }, { n: { gt: 1 } }] }, { and: [{ flag: false }, { or: [{ n: { lt: 3 } }, { s: 'zz' }] }] }]
          })
        ).toEqual(['r2', 'r4'])
      })

      it('dotted paths reach into nested objects', async () => {
        expect(await where({ 'addr.b': 'b1' })).toEqual(['r1', 'r2'])
        expect(await where({ 'addr.floor': { gte: 3 } })).toEqual(['r1', 'r2'])
      })

      it('booleans match only the same boolean', async () => {
        expect(await where({ flag: true })).toEqual(['r1', 'r3'])
        expect(await where({ flag: false })).toEqual(['r2', 'r5'])
        expect(await where({ flag: { ne: true } })).toEqual(['r2', 'r4', 'r5'])
      })

      it('null matches null or a missing field; ne null matches a present non-null value', async () => {
        expect(await where({ z: null })).toEqual(['r1', 'r2', 'r3'])
        expect(await where({ z: { eq: null } })).toEqual(['r1', 'r2', 'r3'])
        expect(await where({ z: { ne: null } })).toEqual(['r4', 'r5'])
      })

      it('filters and orders on _id', async () => {
        expect(await where({ _id: 'r2' })).toEqual(['r2'])
        expect(idsInOrder(await store.find('jobRuns', { where: { _id: { gt: 'r3' } }, orderBy: [{ field: '_id', dir: 'desc' }] }))).toEqual([
          'r5',
          'r4'
        ])
      })

      it('refuses unsafe field names and unknown operators with StoreUsageError', async () => {
        await expect(store.find('jobRuns', { where: { "n') OR 1=1 --": 1 } })).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.find('jobRuns', { orderBy: [{ field: 'n desc; --', dir: 'asc' }] })).rejects.toBeInstanceOf(StoreUsageError)
        const bogus = { n: { regex: '.*' } } as unknown as Filter
        await expect(store.find('jobRuns', { where: bogus })).rejects.toBeInstanceOf(StoreUsageError)
      })
    })

    describe('ordering and paging', () => {
      beforeEach(() => load())

      it('orders by several fields, each asc or desc', async () => {
        const inTags: Filter = { tag: { in: ['x', 'y', 'z'] } }
        const asc = await store.find('jobRuns', { where: inTags, orderBy: [{ field: 'tag', dir: 'asc' }, { field: 'n', dir: 'desc' }] })
        expect(idsInOrder(asc)).toEqual(['r4', 'r1', 'r2', 'r5'])
        const desc = await store.find('jobRuns', { where: inTags, orderBy: [{ field: 'tag', dir: 'desc' }, { field: 'n', dir: 'asc' }] })
        expect(idsInOrder(desc)).toEqual(['r5', 'r2', 'r1', 'r4'])
        const nested = await store.find('jobRuns', { where: { 'addr.b': { in: ['b1', 'b2'] } }, orderBy: [{ field: 'addr.floor', dir: 'desc' }] })
        expect(idsInOrder(nested)).toEqual(['r2', 'r1', 'r3'])
      })

      it('applies limit and offset after ordering', async () => {
        const byN = [{ field: 'n', dir: 'asc' }] as const
        expect(idsInOrder(await store.find('jobRuns', { orderBy: byN, limit: 2 }))).toEqual(['r1', 'r2'])
        expect(idsInOrder(await store.find('jobRuns', { orderBy: byN, limit: 2, offset: 1 }))).toEqual(['r2', 'r3'])
        expect(idsInOrder(await store.find('jobRuns', { orderBy: byN, offset: 4 }))).toEqual(['r5'])
        expect(await store.find('jobRuns', { orderBy: byN, offset: 5 })).toEqual([])
      })

      it('refuses a limit above 1000 or below 1 with StoreUsageError, and accepts 1000', async () => {
        await expect(store.find('jobRuns', { limit: 1001 })).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.find('jobRuns', { limit: 0 })).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.find('jobRuns', { limit: 2.5 })).rejects.toBeInstanceOf(StoreUsageError)
        expect(await store.find('jobRuns', { limit: 1000 })).toHaveLength(5)
      })

      it('counts with and without a filter', async () => {
        expect(await store.count('jobRuns')).toBe(5)
        expect(await store.count('jobRuns', { tag: 'x' })).toBe(2)
        expect(await store.count('jobRuns', { or: [{ flag: true }, { z: { ne: null } }] })).toBe(4)
        expect(await store.count('attempts')).toBe(0)
      })
    })

    it('returns a default page of 100 when no limit is given', async () => {
      for (let i = 0; i < 150; i++) await store.insert('attempts', { _id: `a${String(i).padStart(3, '0')}`, count: i })
      expect(await store.find('attempts')).toHaveLength(100)
      expect(await store.find('attempts', { limit: 1000 })).toHaveLength(150)
      expect(await store.count('attempts')).toBe(150)
      expect(await store.count('attempts', { count: { gte: 100 } })).toBe(50)
    })

    describe('update', () => {
      const base: Row = { _id: 'd', n: 1, s: 'a', addr: { b: 'b1', floor: 3 }, list: [1, 2], gone: 'x', keep: true }
      beforeEach(() => load([base]))
      const get = () => store.get('jobRuns', 'd')

      it('set replaces scalars, arrays and objects whole', async () => {
        expect(await store.update('jobRuns', 'd', { set: { s: 'b', list: [9], addr: { b: 'b9' }, nil: null } })).toBe(true)
        expect(await get()).toEqual({ ...base, s: 'b', list: [9], addr: { b: 'b9' }, nil: null })
      })

      it('set with a dotted path changes one nested field and creates missing parents', async () => {
        expect(await store.update('jobRuns', 'd', { set: { 'addr.floor': 4, 'meta.by.who': 'me' } })).toBe(true)
        expect(await get()).toEqual({ ...base, addr: { b: 'b1', floor: 4 }, meta: { by: { who: 'me' } } })
      })

      it('inc adds to numbers, counting a missing field as 0, also on dotted paths', async () => {
        expect(await store.update('jobRuns', 'd', { inc: { n: 5, fresh: -2, 'addr.floor': -1 } })).toBe(true)
        expect(await get()).toEqual({ ...base, n: 6, fresh: -2, addr: { b: 'b1', floor: 2 } })
      })

      it('unset removes fields, also on dotted paths', async () => {
        expect(await store.update('jobRuns', 'd', { unset: ['gone', 'addr.floor'] })).toBe(true)
        const { gone: _gone, ...rest } = base
        expect(await get()).toEqual({ ...rest, addr: { b: 'b1' } })
      })

      it('applies set, inc and unset of one spec together', async () => {
        expect(await store.update('jobRuns', 'd', { set: { s: 'z' }, inc: { n: 1 }, unset: ['keep'] })).toBe(true)
        const { keep: _keep, ...rest } = base
        expect(await get()).toEqual({ ...rest, s: 'z', n: 2 })
      })

      it('applies a conditional update only when the condition holds', async () => {
        expect(await store.update('jobRuns', 'd', { set: { s: 'no' } }, { n: { gte: 2 } })).toBe(false)
        expect(await get()).toEqual(base)
        expect(await store.update('jobRuns', 'd', { set: { s: 'yes' } }, { n: { gte: 1 }, 'addr.b': 'b1' })).toBe(true)
        expect((await get())?.s).toBe('yes')
        // The condition sees the document as it is now, not as it was first read.
        expect(await store.update('jobRuns', 'd', { set: { s: 'again' } }, { s: 'a' })).toBe(false)
      })

      it('returns false for a missing id, with or without a condition, and creates nothing', async () => {
        expect(await store.update('jobRuns', 'missing', { set: { s: 'b' } })).toBe(false)
        expect(await store.update('jobRuns', 'missing', { inc: { n: 1 } }, { n: { gte: 0 } })).toBe(false)
        expect(await store.get('jobRuns', 'missing')).toBeNull()
        expect(await store.count('jobRuns')).toBe(1)
      })

      it('refuses an empty spec and unsafe field names', async () => {
        await expect(store.update('jobRuns', 'd', {})).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.update('jobRuns', 'd', { set: { "s', '$.x": 1 } })).rejects.toBeInstanceOf(StoreUsageError)
        expect(await get()).toEqual(base)
      })

      itUnique('returns false when a set would break a unique index, leaving the document as it was', async () => {
        await store.insert('users', { _id: 'u1', openid: 'o-1' })
        await store.insert('users', { _id: 'u2', openid: 'o-2' })
        expect(await store.update('users', 'u2', { set: { openid: 'o-1' } })).toBe(false)
        expect(await store.get('users', 'u2')).toEqual({ _id: 'u2', openid: 'o-2' })
      })
    })

    describe('where CloudBase (MongoDB) and SQLite would differ', () => {
      const base: Row = { _id: 'd', n: 1, s: 'a', addr: { b: 'b1', floor: 3 }, list: [1, 2] }
      beforeEach(() => load([base]))

      it('an update that changes nothing reports false (MongoDB counts only modified documents)', async () => {
        expect(await store.update('jobRuns', 'd', { set: { s: 'a' } })).toBe(false)
        expect(await store.update('jobRuns', 'd', { set: { addr: { b: 'b1', floor: 3 }, list: [1, 2] } })).toBe(false)
        expect(await store.update('jobRuns', 'd', { inc: { n: 0 } })).toBe(false)
        expect(await store.update('jobRuns', 'd', { unset: ['missing'] })).toBe(false)
        // The condition held, but nothing changed: still false.
        expect(await store.update('jobRuns', 'd', { set: { s: 'a' } }, { n: 1 })).toBe(false)
        expect(await store.get('jobRuns', 'd')).toEqual(base)
        // One changed field among unchanged ones is a change.
        expect(await store.update('jobRuns', 'd', { set: { s: 'a', n: 2 } })).toBe(true)
      })

      it('an empty and matches everything, an empty or nothing (never sent to CloudBase as such)', async () => {
        await load([{ _id: 'e', n: 2 }])
        expect(await where({ and: [] })).toEqual(['d', 'e'])
        expect(await where({ or: [] })).toEqual([])
        expect(await where({ and: [{ or: [] }, { n: 1 }] })).toEqual([])
        expect(await where({ or: [{ and: [] }] })).toEqual(['d', 'e'])
        expect(await store.count('jobRuns', { or: [] })).toBe(0)
        expect(await store.update('jobRuns', 'd', { set: { s: 'z' } }, { or: [] })).toBe(false)
      })

      it('refuses a set on a parent together with an increment on its child (a path conflict in MongoDB)', async () => {
        await expect(store.update('jobRuns', 'd', { set: { addr: { b: 'b2' } }, inc: { 'addr.floor': 1 } })).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.update('jobRuns', 'd', { set: { n: 5 }, inc: { n: 1 } })).rejects.toBeInstanceOf(StoreUsageError)
        await expect(store.update('jobRuns', 'd', { set: { 'addr.b': 'x' }, unset: ['addr'] })).rejects.toBeInstanceOf(StoreUsageError)
        expect(await store.get('jobRuns', 'd')).toEqual(base)
        // Siblings do not conflict, nor do paths that merely share a prefix of characters.
        expect(await store.update('jobRuns', 'd', { set: { 'addr.b': 'b9', ss: 1 }, inc: { 'addr.floor': 1, n: 1 } })).toBe(true)
        expect(await store.get('jobRuns', 'd')).toEqual({ ...base, n: 2, ss: 1, addr: { b: 'b9', floor: 4 } })
      })

      it('takes a 1,000-element in', async () => {
        const ids = Array.from({ length: 999 }, (_, i) => `x${i}`)
        expect(await where({ _id: { in: [...ids, 'd'] } })).toEqual(['d'])
        expect(await store.count('jobRuns', { n: { in: Array.from({ length: 1000 }, (_, i) => i) } })).toBe(1)
      })

      itUnique('a unique index lets one document lack the field (or hold null), not two', async () => {
        expect((await store.insert('users', { _id: 'u1' })).ok).toBe(true)
        expect(await store.insert('users', { _id: 'u2' })).toEqual({ ok: false, reason: 'DUPLICATE' })
        expect(await store.insert('users', { _id: 'u3', openid: null })).toEqual({ ok: false, reason: 'DUPLICATE' })
        expect((await store.insert('users', { _id: 'u4', openid: 'o-4' })).ok).toBe(true)
        // Unsetting the field of a second document collides the same way.
        expect(await store.update('users', 'u4', { unset: ['openid'] })).toBe(false)
        expect(await store.get('users', 'u4')).toEqual({ _id: 'u4', openid: 'o-4' })
      })
    })

    describe('remove', () => {
      beforeEach(() => load())

      it('removes by id and reports whether it did', async () => {
        expect(await store.remove('jobRuns', 'r1')).toBe(true)
        expect(await store.get('jobRuns', 'r1')).toBeNull()
        expect(await store.remove('jobRuns', 'r1')).toBe(false)
        expect(await store.count('jobRuns')).toBe(4)
      })

      it('removes only when the condition holds', async () => {
        expect(await store.remove('jobRuns', 'r2', { tag: 'x' })).toBe(false)
        expect(await store.get('jobRuns', 'r2')).not.toBeNull()
        expect(await store.remove('jobRuns', 'r2', { tag: 'y', n: { lte: 2 } })).toBe(true)
        expect(await store.get('jobRuns', 'r2')).toBeNull()
        expect(await store.count('jobRuns')).toBe(4)
      })
    })

    describe('concurrency', () => {
      it('500 concurrent conditional decrements of a stock of 50: exactly 50 succeed, stock ends at 0', async () => {
        await store.insert('jobRuns', { _id: 'item', stock: 50 })
        const results = await Promise.all(
          Array.from({ length: 500 }, () => store.update('jobRuns', 'item', { inc: { stock: -1 } }, { stock: { gte: 1 } }))
        )
        expect(results.filter(Boolean)).toHaveLength(50)
        expect(await store.get('jobRuns', 'item')).toEqual({ _id: 'item', stock: 0 })
      })

      it('concurrent inserts of the same _id: exactly one succeeds', async () => {
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.insert('jobRuns', { _id: 'same', i })))
        expect(results.filter((r) => r.ok)).toHaveLength(1)
        expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'DUPLICATE')).toBe(true)
        expect(await store.count('jobRuns')).toBe(1)
      })

      itUnique('concurrent inserts of the same unique key: exactly one succeeds', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.insert('users', { _id: `u${i}`, openid: 'o-race' }))
        )
        expect(results.filter((r) => r.ok)).toHaveLength(1)
        for (const r of results) if (!r.ok) expect(r).toEqual({ ok: false, reason: 'DUPLICATE' })
        expect(await store.count('users', { openid: 'o-race' })).toBe(1)
      })
    })
  })
}
