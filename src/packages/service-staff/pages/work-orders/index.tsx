import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { CellList, Chip, Segmented } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { type WorkOrder, workOrderLink } from '../../types'
import '../../../service/service.scss'

type Tab = 'open' | 'done'
const TABS: { value: Tab; label: string }[] = [
  { value: 'open', label: '进行中' },
  { value: 'done', label: '已完成' }
]

/** What is next on a work order and by when: `响应 10:42 前`. */
function nextDue(w: WorkOrder): string {
  const s = w.stages.find((x) => x.doneAt === null)
  if (!s) return ''
  return `${s.label} ${formatDateTime(s.dueAt)} 前`
}

/**
 * Work orders handed to this worker or butler by the desk (报修 by phone, complaints, requests):
 * the nearest deadline first, each opening to answer, arrive and finish it.
 */
export default function WorkOrdersPage() {
  const [tab, setTab] = useState<Tab>('open')
  const q = useQuery(async () => {
    const r = await api.desk.myWorkOrders({ done: tab === 'done' })
    return r.ok ? { ok: true as const, data: { tab, list: r.data.workOrders } } : r
  }, [tab])
  return (
    <PageShell id='work-orders-page' query={q}>
      {(d) => (
        <>
          <Segmented<Tab> id='work-orders' value={tab} options={TABS} onChange={setTab} />
          {d.tab !== tab ? (
            <LoadingState />
          ) : d.list.length === 0 ? (
            <EmptyState title={tab === 'open' ? '没有进行中的工单' : '还没有完成的工单'} hint={tab === 'open' ? '客服派单给你后会通知你' : '完成的工单和住户评价会留在这里'} />
          ) : (
            <CellList
              items={d.list}
              idPrefix='wo'
              row={(w) => ({
                title: `${w.typeLabel} · ${w.householdLabel}`,
                desc: [w.text, tab === 'open' ? nextDue(w) : w.visit ? `回访 ${w.visit.score ?? '—'} 分` : ''].filter(Boolean).join(' · '),
                icon: w.type === 'complaint' ? 'complaint' : w.type === 'request' ? 'service' : 'repair',
                extra: <Chip text={w.breached && tab === 'open' ? '已超时' : w.statusLabel} tone={w.breached && tab === 'open' ? 'danger' : tab === 'open' ? 'primary' : 'muted'} />,
                onClick: () => void Taro.navigateTo({ url: workOrderLink(w.id) })
              })}
            />
          )}
        </>
      )}
    </PageShell>
  )
}
