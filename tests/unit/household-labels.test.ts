/** Household labels (`1栋 101`) by id, for every domain that lists households: two batched reads. */
import { SqliteStore } from '../../cloudfunctions/adapters/sqlite/sqlite-store'
import type { BuildingDoc, HouseholdDoc } from '../../cloudfunctions/domain/docs'
import { householdLabels } from '../../cloudfunctions/domain/user/labels'

const building = (id: string, name: string): BuildingDoc => ({ _id: id, communityId: 'c', name, order: 1 })
const household = (id: string, buildingId: string, room: string): HouseholdDoc => ({ _id: id, communityId: 'c', buildingId, room, areaCm2: 8000, codeHash: id, createdAt: 0 })

describe('householdLabels', () => {
  let store: SqliteStore
  beforeEach(async () => {
    store = new SqliteStore(':memory:')
    for (const b of [building('b1', '1栋'), building('b2', '2栋')]) await store.insert('buildings', b)
    for (const h of [household('h1', 'b1', '101'), household('h2', 'b2', '302'), household('h3', 'b-gone', '909')]) await store.insert('households', h)
  })
  afterEach(() => store.close())

  it('labels each household by its building and room; a missing building leaves the room', async () => {
    const labels = await householdLabels({ store }, ['h1', 'h2', 'h3'])
    expect([...labels]).toEqual(expect.arrayContaining([['h1', '1栋 101'], ['h2', '2栋 302'], ['h3', '909']]))
    expect(labels.size).toBe(3)
  })

  it('leaves out unknown ids, and repeats cost nothing', async () => {
    const labels = await householdLabels({ store }, ['h1', 'nope', 'h1'])
    expect([...labels]).toEqual([['h1', '1栋 101']])
    expect((await householdLabels({ store }, [])).size).toBe(0)
  })

  it('reads households and buildings in one query each, however many ids', async () => {
    const find = jest.spyOn(store, 'find')
    const get = jest.spyOn(store, 'get')
    await householdLabels({ store }, ['h1', 'h2', 'h3', 'h1', 'nope'])
    expect(find.mock.calls.map(([collection]) => collection)).toEqual(['households', 'buildings'])
    expect(get).not.toHaveBeenCalled()
  })
})
