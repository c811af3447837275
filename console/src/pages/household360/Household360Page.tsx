import { useState } from 'react'
import { Button, Card, Tabs } from 'tdesign-react'
import { ChevronLeftIcon } from 'tdesign-icons-react'
import { HOUSEHOLD_PARTS, type HouseholdPart } from '@contracts/desk-household'
import { api } from '../../client/api'
import { navigate, useRoute } from '../../router'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { HouseholdHeader } from './HouseholdHeader'
import { ParkingSection } from './ParkingSection'
import { PartTable } from './PartTable'

/** The route this page answers: `/household/<id>`, opened from the desk's search and the rooms table. */
export const HOUSEHOLD_ROUTE = '/household/'

/**
 * Household 360 (户档案): the header in one call, then each part of the household's history in its
 * own tab, loaded when first opened and paged with 加载更多, and the household's cars and spaces.
 */
export function Household360Page() {
  const { community } = useConsole()
  const route = useRoute()
  const householdId = decodeURIComponent(route.path.slice(HOUSEHOLD_ROUTE.length))
  const [tab, setTab] = useState<HouseholdPart>('bills')
  const q = useQuery(() => api.desk.household({ householdId }), [community.id, householdId], { enabled: householdId.length > 0 })

  return (
    <div className='stack' id='household360'>
      <div>
        <Button variant='text' icon={<ChevronLeftIcon />} onClick={() => (window.history.length > 1 ? window.history.back() : navigate('/households'))}>
          返回
        </Button>
      </div>
      <PageShell query={q}>
        {(d) => (
          <>
            <HouseholdHeader d={d} />
            <Card bordered={false}>
              <Tabs value={tab} onChange={(v) => setTab(HOUSEHOLD_PARTS.find((p) => p === v) ?? 'bills')}>
                {d.counts.map((c) => (
                  <Tabs.TabPanel key={c.part} value={c.part} label={`${c.label} ${c.count}`} lazy destroyOnHide={false}>
                    <div className='household360__part'>
                      <PartTable householdId={householdId} part={c.part} />
                    </div>
                  </Tabs.TabPanel>
                ))}
              </Tabs>
            </Card>
            <ParkingSection householdId={householdId} />
          </>
        )}
      </PageShell>
    </div>
  )
}
