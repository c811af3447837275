import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { Cell, CellGroup, CellList, Chip, Segmented } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { shanghai } from '../../../../utils/time'
import { bookingHead } from '../../../service/line-cell'
import { type Booking, jobLink, rewardsLink } from '../../types'
import '../../../service/service.scss'

type When = 'today' | 'upcoming' | 'done'

const TABS: { value: When; label: string }[] = [
  { value: 'today', label: '今日' },
  { value: 'upcoming', label: '即将开始' },
  { value: 'done', label: '已完成' }
]

const EMPTY: Record<When, { title: string; hint: string }> = {
  today: { title: '今天没有工单', hint: '调度派单后会通知你，也可以看看即将开始的工单' },
  upcoming: { title: '暂时没有后续工单', hint: '新的预约派给你后会出现在这里' },
  done: { title: '还没有完成的工单', hint: '完工后的工单和住户评价会留在这里' }
}

function desc(j: Booking): string {
  const when = `${shanghai(j.slotStart).format('M月D日 HH:mm')}-${shanghai(j.slotEnd).format('HH:mm')}`
  return [when, j.householdLabel, j.contactName, j.note ? `备注：${j.note}` : ''].filter(Boolean).join(' · ')
}

/** The worker's jobs: today's first, each opening its checklist. */
export default function JobsPage() {
  const [when, setWhen] = useState<When>('today')
  // Tagged with its tab, so a switch shows the spinner, not the previous tab's jobs.
  const q = useQuery(async () => {
    const r = await api.booking.workerJobs({ when })
    return r.ok ? { ok: true as const, data: { when, jobs: r.data.jobs } } : r
  }, [when])
  return (
    <PageShell id='jobs-page' query={q}>
      {(d) => (
        <>
          <Segmented<When> id='jobs' value={when} options={TABS} onChange={setWhen} />
          {d.when !== when ? (
            <LoadingState />
          ) : d.jobs.length === 0 ? (
            <EmptyState {...EMPTY[when]} {...(when === 'today' ? { action: { text: '看即将开始的工单', onClick: () => setWhen('upcoming') } } : {})} />
          ) : (
            <CellList
              items={d.jobs}
              idPrefix='job'
              row={(j) => ({
                ...bookingHead(j),
                desc: desc(j),
                extra: <Chip text={j.statusLabel} tone={j.status === 'done' ? 'muted' : 'primary'} />,
                onClick: () => void Taro.navigateTo({ url: jobLink(j) })
              })}
            />
          )}
          <CellGroup>
            <Cell id='go-rewards' icon='gift' title='我的奖励' desc='光荣榜现金奖励，点「领取」到账微信零钱' onClick={() => void Taro.navigateTo({ url: rewardsLink() })} />
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
