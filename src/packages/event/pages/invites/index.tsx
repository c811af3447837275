import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type InviteRow, inviteStats } from '../../../../services/event'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const FIGURES: { key: keyof InviteRow; label: string }[] = [
  { key: 'shares', label: '分享' },
  { key: 'visits', label: '访问' },
  { key: 'groups', label: '群' },
  { key: 'signups', label: '报名' },
  { key: 'checkins', label: '签到' }
]

/** For each event: how the butler's cards and posters travelled and what they brought. */
export default function InvitesPage() {
  const [rows, setRows] = useState<InviteRow[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await inviteStats()
    if (r.ok) setRows(r.data.rows)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!rows) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='invites-page'>
      {rows.length === 0 ? <StateView empty='暂无可邀请的活动' /> : null}
      {rows.map((r) => (
        <View key={r.eventId} className='card' id={`invite-${r.eventId}`}>
          <Text className='ev-card__title'>{r.title}</Text>
          <Text className='ev-meta'>时间 {formatDateTime(r.startAt)}</Text>
          <View className='ev-figures'>
            {FIGURES.map((f) => (
              <View key={f.key} className='stat'>
                <Text className='stat-value'>{r[f.key]}</Text>
                <Text className='stat-label'>{f.label}</Text>
              </View>
            ))}
          </View>
          <View className='ev-row-actions'>
            <Button size='small' fill='outline' onClick={() => go(`${EVENT_PKG}/poster/index?id=${r.eventId}`)}>
              海报
            </Button>
            <Button size='small' type='primary' onClick={() => go(`${EVENT_PKG}/detail/index?id=${r.eventId}`)}>
              分享到群
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
