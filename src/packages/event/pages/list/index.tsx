import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type EventView, listEvents } from '../../../../services/event'
import { currentMe } from '../../../../services/session'
import { Button } from '../../../../ui/nut'
import { EventCard } from '../../components/EventCard'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** Residents browse and open events; staff manage them; verifiers pick one to check in. */
export default function EventListPage() {
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming')
  const [events, setEvents] = useState<EventView[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const role = currentMe()?.current?.role ?? 'resident'

  const load = async (w = when) => {
    const r = await listEvents(w)
    if (r.ok) {
      setEvents(r.data.events)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const open = (e: EventView) => {
    if (role === 'staff') go(`${EVENT_PKG}/signups/index?id=${e.id}`)
    else if (role === 'verifier') go(`${EVENT_PKG}/checkin/index?id=${e.id}`)
    else go(`${EVENT_PKG}/detail/index?id=${e.id}`)
  }
  return (
    <View className='page' id='event-list'>
      <View className='ev-tabs'>
        {(['upcoming', 'past'] as const).map((w) => (
          <Text
            key={w}
            id={`tab-${w}`}
            className={`ev-tab ${when === w ? 'ev-tab--on' : ''}`}
            onClick={() => {
              setWhen(w)
              setEvents(null)
              void load(w)
            }}
          >
            {w === 'upcoming' ? '即将开始' : '往期活动'}
          </Text>
        ))}
      </View>
      {role === 'staff' ? (
        <Button id='event-create' block type='primary' className='btn-block' onClick={() => go(`${EVENT_PKG}/edit/index`)}>
          ＋ 创建活动
        </Button>
      ) : null}
      {role === 'resident' ? (
        <View className='row' style={{ marginBottom: '24px' }}>
          <Text className='muted'>本社区住户可报名</Text>
          <Text className='muted' id='go-mine' onClick={() => go(`${EVENT_PKG}/mine/index`)}>
            我的活动 ›
          </Text>
        </View>
      ) : null}
      {!events ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {events?.length === 0 ? <StateView empty={when === 'upcoming' ? '暂无即将开始的活动' : '暂无往期活动'} /> : null}
      {events?.map((e) => <EventCard key={e.id} e={e} onClick={() => open(e)} />)}
    </View>
  )
}
