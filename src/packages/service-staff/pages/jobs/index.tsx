import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { STAFF_PKG, type WorkerJobs, workerJobs } from '../../../../services/booking'
import { shanghai } from '../../../../utils/time'
import '../../../service/service.scss'

const TABS = [
  ['today', '今日'],
  ['upcoming', '即将开始'],
  ['done', '已完成']
] as const

/** The worker's jobs: today's first, each opening its checklist. */
export default function JobsPage() {
  const [when, setWhen] = useState<'today' | 'upcoming' | 'done'>('today')
  const [data, setData] = useState<WorkerJobs | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async (w = when) => {
    const r = await workerJobs(w)
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  return (
    <View className='page' id='jobs-page'>
      <View className='sv-tabs'>
        {TABS.map(([k, label]) => (
          <Text key={k} id={`jobs-${k}`} className={`sv-tab ${when === k ? 'sv-tab--on' : ''}`} onClick={() => (setWhen(k), setData(null), void load(k))}>
            {label}
          </Text>
        ))}
      </View>
      {!data ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {data && data.jobs.length === 0 ? <StateView empty='暂无工单' /> : null}
      {data?.jobs.map((j) => (
        <View key={j.id} id={`job-${j.id}`} className='card sv-line' onClick={() => void Taro.navigateTo({ url: `${STAFF_PKG}/job/index?id=${j.id}` })}>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{j.kind === 'repair' ? `报修 · ${j.lineName}` : j.lineName}</Text>
            <Text className='badge'>{j.statusLabel}</Text>
          </View>
          <Text className='sv-meta'>
            {shanghai(j.slotStart).format('M月D日 HH:mm')}-{shanghai(j.slotEnd).format('HH:mm')} · {j.householdLabel} · {j.contactName}
          </Text>
          {j.note ? <Text className='sv-meta'>备注：{j.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
