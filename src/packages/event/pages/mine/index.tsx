import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type Mine, myEvents } from '../../../../services/event'
import { formatDateTime } from '../../../../utils/time'
import { statusLabel, when } from '../../format'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })

export default function MyEventsPage() {
  const [data, setData] = useState<Mine | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await myEvents()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  return (
    <View className='page' id='my-events'>
      {data.notices.length > 0 ? (
        <View className='card' id='my-notices'>
          <Text className='section-title'>活动通知</Text>
          {data.notices.slice(0, 5).map((n) => (
            <View key={n.id} className='list-item' style={{ display: 'block' }} onClick={() => (n.link ? go(n.link) : undefined)}>
              <View className='row'>
                <Text style={{ fontWeight: 600 }}>{n.title}</Text>
                <Text className='muted'>{formatDateTime(n.createdAt)}</Text>
              </View>
              <Text className='muted'>{n.body}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Text className='section-title'>我的报名</Text>
      {data.items.length === 0 ? (
        <View className='card'>
          <StateView empty='还没有报名活动' />
        </View>
      ) : null}
      {data.items.map(({ event: e, signup: s }) => (
        <View key={s.id} className='card ev-card' id={`mine-${s.id}`} onClick={() => go(`${EVENT_PKG}/detail/index?id=${e.id}`)}>
          <View className='ev-card__top'>
            <Text className='muted'>{s.householdLabel}</Text>
            <Text className={`ev-status ev-status--${s.status}`}>
              {s.status === 'waitlisted' && s.position ? `候补第 ${s.position} 位` : statusLabel(s.status)}
            </Text>
          </View>
          <Text className='ev-card__title'>{e.title}</Text>
          <Text className='ev-meta'>时间 {when(e)}</Text>
          <Text className='ev-meta'>地点 {e.venue}</Text>
        </View>
      ))}

      <Text className='section-title'>我的奖励</Text>
      <View className='card' id='my-rewards'>
        {data.rewards.length === 0 ? <StateView empty='参加活动签到、提交评价可获得奖励' /> : null}
        {data.rewards.map((r) => (
          <View key={r.id} className='list-item'>
            <View style={{ display: 'flex', flexDirection: 'column' }}>
              <Text>{r.text}</Text>
              <Text className='muted'>
                {r.eventTitle} · {r.kind === 'attendance' ? '签到奖励' : '评价奖励'}
              </Text>
            </View>
            <Text className='muted'>{formatDateTime(r.grantedAt)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
