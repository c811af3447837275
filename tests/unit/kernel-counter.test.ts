import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import { type Counter, give, holds, take } from '../../cloudfunctions/kernel/counter'
import type { Doc } from '../../cloudfunctions/kernel/store'
import { rawStore } from '../support/raw-store'

/**
 * The bounded counter with its journal (kernel/counter.ts), on the SQLite store that behaves like
 * CloudBase: never past its bound under parallel takes, a retried take never takes twice, and a
 * give-back counts once however often it comes.
 */
interface StockDoc extends Doc {
  available: number
  holds: Record<string, number>
}
interface PlacesDoc extends Doc {
  active: number
  holds: Record<string, number>
}

let store: SqliteStore
beforeEach(() => {
  store = new SqliteStore(':memory:')
})
afterEach(() => store.close())

const stock: Counter = { collection: 'campaignStock', id: 'c1:s1', field: 'available', direction: 'down', bound: 0 }
const places = (cap: number): Counter => ({ collection: 'visitorPassQuotas', id: 'h1', field: 'active', direction: 'up', bound: cap })
// The suite's own shapes: the counter reads and writes only its field and journal.
const read = async <T extends Doc>(c: Counter) => (await rawStore(store).get(c.collection, c.id)) as T | null

async function stockOf(available: number): Promise<void> {
  expect((await rawStore(store).insert('campaignStock', { _id: stock.id, available, holds: {} })).ok).toBe(true)
}

describe('a counter that goes down (stock)', () => {
  it('takes while enough is left and records who took what', async () => {
    await stockOf(5)
    expect(await take(store, stock, { holder: 'o1', amount: 3 })).toBe(true)
    expect(await take(store, stock, { holder: 'o2', amount: 3 })).toBe(false)
    expect(await take(store, stock, { holder: 'o3', amount: 2 })).toBe(true)
    const doc = await read<StockDoc>(stock)
    expect(doc).toMatchObject({ available: 0, holds: { o1: 3, o3: 2 } })
    expect(holds(doc, stock, 'o1')).toBe(true)
    expect(holds(doc, stock, 'o2')).toBe(false)
  })

  it('answers a retried take with what the first one took, and never takes twice', async () => {
    await stockOf(5)
    expect(await take(store, stock, { holder: 'o1', amount: 2 })).toBe(true)
    expect(await take(store, stock, { holder: 'o1', amount: 2 })).toBe(true)
    expect((await read<StockDoc>(stock))?.available).toBe(3)
  })

  it('gives back once, whoever repeats it', async () => {
    await stockOf(5)
    await take(store, stock, { holder: 'o1', amount: 2 })
    const gives = await Promise.all([give(store, stock, 'o1', 2), give(store, stock, 'o1', 2), give(store, stock, 'o1', 2)])
    expect(gives.filter(Boolean)).toHaveLength(1)
    expect(await read<StockDoc>(stock)).toMatchObject({ available: 5, holds: {} })
    // Nothing held: nothing to give back.
    expect(await give(store, stock, 'o9', 1)).toBe(false)
  })

  it('sells exactly what there is under 60 parallel takes', async () => {
    await stockOf(17)
    const taken = await Promise.all(Array.from({ length: 60 }, (_, i) => take(store, stock, { holder: `o${i}`, amount: 1 + (i % 2) })))
    const doc = await read<StockDoc>(stock)
    const held = Object.values(doc?.holds ?? {}).reduce((n, x) => n + x, 0)
    expect(doc?.available).toBeGreaterThanOrEqual(0)
    expect(held + (doc?.available ?? 0)).toBe(17)
    expect(taken.filter(Boolean)).toHaveLength(Object.keys(doc?.holds ?? {}).length)
  })
})

describe('a counter that goes up (places under a cap), made on first use', () => {
  const startEmpty = () => ({ _id: 'h1', active: 0, holds: {} })

  it('makes the counter with the first take in it', async () => {
    expect(await take(store, places(2), { holder: 'p1', amount: 1, entry: 1000, create: { doc: startEmpty } })).toBe(true)
    expect(await read<PlacesDoc>(places(2))).toMatchObject({ active: 1, holds: { p1: 1000 } })
  })

  it('tries the insert first when asked, and falls back to the update once the counter exists', async () => {
    const c = places(3)
    expect(await take(store, c, { holder: 'p1', amount: 1, create: { doc: startEmpty, first: true } })).toBe(true)
    expect(await take(store, c, { holder: 'p2', amount: 2, create: { doc: startEmpty, first: true } })).toBe(true)
    expect(await take(store, c, { holder: 'p3', amount: 1, create: { doc: startEmpty, first: true } })).toBe(false)
    expect(await read<PlacesDoc>(c)).toMatchObject({ active: 3, holds: { p1: 1, p2: 2 } })
  })

  it('starts from what the first document says, and refuses a first take past the cap from a counter it made', async () => {
    const c = places(2)
    const legacy = () => ({ _id: 'h1', active: 2, holds: { old1: 5, old2: 6 } })
    expect(await take(store, c, { holder: 'p1', amount: 1, create: { doc: legacy } })).toBe(false)
    // The counter exists now, so a repair can free the places of passes that ended.
    expect(await read<PlacesDoc>(c)).toMatchObject({ active: 2, holds: { old1: 5, old2: 6 } })
    expect(await give(store, c, 'old1', 1)).toBe(true)
    expect(await take(store, c, { holder: 'p1', amount: 1 })).toBe(true)
  })

  it('stays under the cap when 40 first takes race to make the counter', async () => {
    const c = places(7)
    const taken = await Promise.all(Array.from({ length: 40 }, (_, i) => take(store, c, { holder: `p${i}`, amount: 1, create: { doc: startEmpty, first: i % 2 === 0 } })))
    const doc = await read<PlacesDoc>(c)
    expect(taken.filter(Boolean)).toHaveLength(7)
    expect(doc?.active).toBe(7)
    expect(Object.keys(doc?.holds ?? {})).toHaveLength(7)
  })

  it('gives a place back, and the place can be taken again', async () => {
    const c = places(1)
    await take(store, c, { holder: 'p1', amount: 1, create: { doc: startEmpty } })
    expect(await take(store, c, { holder: 'p2', amount: 1 })).toBe(false)
    expect(await give(store, c, 'p1', 1)).toBe(true)
    expect(await take(store, c, { holder: 'p2', amount: 1 })).toBe(true)
    expect(await read<PlacesDoc>(c)).toMatchObject({ active: 1, holds: { p2: 1 } })
  })
})
