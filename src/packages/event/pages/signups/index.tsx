import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { RATING_DIMENSIONS, RATING_LABELS } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type Signups, eventSignups, exportAttendees, feedbackSummary, saveCsv } from '../../../../services/event'
import { toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { statusLabel, when } from '../../format'
import '../../event.scss'

type Summary = OutputOf<'event.feedbackSummary'>
const go = (url: string) => void Taro.navigateTo({ url })

export default function SignupsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [data, setData] = useState<Signups | null>(null)
  const [summary, setSummary] = useState<Summary | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [tab, setTab] = useState<'attendees' | 'waitlist'>('attendees')
  const staff = currentMe()?.current?.role === 'staff'

  const load = async () => {
    const r = await eventSignups(id)
    if (!r.ok) return setError(r.error)
    setData(r.data)
    if (staff && (r.data.event.phase === 'ongoing' || r.data.event.phase === 'ended')) {
      const s = await feedbackSummary(id)
      if (s.ok) setSummary(s.data)
    }
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const download = async () => {
    const r = await exportAttendees(id)
    if (!r.ok) return toastError(r.error)
    await saveCsv(r.data.filename, r.data.csv)
    void Taro.showToast({ title: `已导出 ${r.data.rows} 条`, icon: 'none' })
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const e = data.event
  const list = tab === 'attendees' ? data.attendees : data.waitlist
  const checked = data.attendees.filter((a) => a.status === 'checkedIn').length
  return (
    <View className='page' id='signups-page'>
      <View className='card'>
        <Text className='ev-card__title'>{e.title}</Text>
        <Text className='ev-meta'>时间 {when(e)}</Text>
        <View className='ev-figures'>
          <View className='stat'>
            <Text className='stat-value'>
              {e.confirmed}/{e.capacity}
            </Text>
            <Text className='stat-label'>已确认</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.waitlist.length}</Text>
            <Text className='stat-label'>候补</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{checked}</Text>
            <Text className='stat-label'>已签到</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.cancelled}</Text>
            <Text className='stat-label'>已取消</Text>
          </View>
        </View>
        <View className='ev-row-actions'>
          {staff ? (
            <Button size='small' fill='outline' id='signups-edit' onClick={() => go(`${EVENT_PKG}/edit/index?id=${id}`)}>
              编辑
            </Button>
          ) : null}
          {staff ? (
            <Button size='small' fill='outline' type='primary' id='signups-export' onClick={() => void download()}>
              导出 CSV
            </Button>
          ) : null}
          <Button size='small' type='primary' id='signups-checkin' onClick={() => go(`${EVENT_PKG}/checkin/index?id=${id}`)}>
            签到核销
          </Button>
        </View>
      </View>

      {summary ? (
        <View className='card' id='feedback-summary'>
          <Text className='section-title'>
            活动反馈（{summary.responses}/{summary.attended} 人评价）
          </Text>
          {RATING_DIMENSIONS.map((d) => (
            <View key={d} className='list-item'>
              <Text>{RATING_LABELS[d]}</Text>
              <Text className='badge badge--accent'>{summary.averages[d].toFixed(1)} 分</Text>
            </View>
          ))}
          {summary.comments.slice(0, 5).map((c) => (
            <View key={`${c.authorName}-${c.createdAt}`} className='list-item' style={{ display: 'block' }}>
              <Text>“{c.text}”</Text>
              <Text className='muted'> — {c.authorName}</Text>
            </View>
          ))}
          <Button className='btn-block' block fill='outline' type='primary' onClick={() => go(`${EVENT_PKG}/ideas/index`)}>
            查看新服务创意墙
          </Button>
        </View>
      ) : null}

      <View className='ev-tabs'>
        <Text id='tab-attendees' className={`ev-tab ${tab === 'attendees' ? 'ev-tab--on' : ''}`} onClick={() => setTab('attendees')}>
          报名 {data.attendees.length}
        </Text>
        <Text id='tab-waitlist' className={`ev-tab ${tab === 'waitlist' ? 'ev-tab--on' : ''}`} onClick={() => setTab('waitlist')}>
          候补 {data.waitlist.length}
        </Text>
      </View>
      <View className='card'>
        {list.length === 0 ? <StateView empty={tab === 'attendees' ? '暂无报名' : '暂无候补'} /> : null}
        {list.map((a) => (
          <View key={a.signupId} className='list-item' id={`attendee-${a.signupId}`} style={{ display: 'block' }}>
            <View className='row'>
              <Text style={{ fontWeight: 600 }}>
                {a.position ? `${a.position}. ` : ''}
                {a.name} · {a.householdLabel}
              </Text>
              <Text className={`ev-status ev-status--${a.status}`}>{statusLabel(a.status)}</Text>
            </View>
            <Text className='muted'>
              {formatDateTime(a.createdAt)} 报名
              {a.phoneMasked ? ` · ${a.phoneMasked}` : ''}
              {a.inviterName ? ` · 邀请人 ${a.inviterName}` : ''}
            </Text>
            {Object.keys(a.answers).length ? (
              <Text className='muted' style={{ display: 'block' }}>
                {e.fields.filter((f) => a.answers[f.key] !== undefined).map((f) => `${f.label}：${a.answers[f.key]}`).join('；')}
              </Text>
            ) : null}
          </View>
        ))}
      </View>
    </View>
  )
}
