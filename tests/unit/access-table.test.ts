import { readFileSync } from 'node:fs'
import path from 'node:path'
import { accessRows } from '../../cloudfunctions/contracts/access-rows'
import { accessTable } from '../../cloudfunctions/contracts/access-table'
import { needsCommunity } from '../../cloudfunctions/contracts/define'
import { allContracts } from '../../cloudfunctions/contracts/registry'
import { accessTableSource } from '../../scripts/gen-access-table'

describe('the clients’ access table', () => {
  it('is what the generator writes from the registry today (run `npx tsx scripts/gen-access-table.ts`)', () => {
    const file = path.resolve(__dirname, '../../cloudfunctions/contracts/access-table.ts')
    expect(readFileSync(file, 'utf8')).toBe(accessTableSource())
  })

  it('says, for every action, whether it needs a session or a community', () => {
    const table = new Map(accessRows(accessTable).map(([fn, action, kind]) => [`${fn}.${action}`, kind]))
    expect([...table.keys()].sort()).toEqual(allContracts.map((c) => c.id).sort())
    for (const c of allContracts) {
      const want = c.access === 'public' || c.access === 'anonymous' ? c.access : needsCommunity(c.access) ? 'community' : 'member'
      expect([c.id, table.get(c.id)]).toEqual([c.id, want])
    }
  })
})
