import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { QrImage } from '../../../../components/QrImage'
import { EVENT_PKG, type Ticket, getTicket, refreshTicketCode } from '../../../../services/event'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { statusLabel, when } from '../../format'
import '../../event.scss'

/** The ticket refreshes its signed code every window while shown; an old screenshot stops working. */
export default function TicketPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const [t, setT] = useState<Ticket | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [now, setNow] = useState(Date.now())
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const next = useRef(0)

  const shown = useRef<Ticket | null>(null)

  const load = async () => {
    const r = await getTicket(id)
    if (r.ok) {
      shown.current = r.data
      setT(r.data)
      // A code lives 30-60 s, so one fetched every 30 s is always valid, whatever the phone's clock says.
      next.current = Date.now() + 30_000
    } else setError(r.error)
  }
  /** Every window only the codes are fetched; a changed status (checked in) loads the whole ticket. */
  const refresh = async () => {
    const cur = shown.current
    if (!cur) return load()
    next.current = Date.now() + 30_000
    const r = await refreshTicketCode(id)
    if (!r.ok) return load()
    if (r.data.status !== cur.signup.status) return load()
    const { token, shortCode, expiresAt, refreshAt } = r.data
    shown.current = { ...cur, token, shortCode, expiresAt, refreshAt }
    setT(shown.current)
  }
  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useDidShow(() => {
    void load()
    stop()
    timer.current = setInterval(() => {
      setNow(Date.now())
      if (Date.now() >= next.current) void refresh()
    }, 1000)
  })
  useDidHide(stop)
  useEffect(() => stop, [])

  if (!t) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const e = t.event
  const s = t.signup
  const left = Math.min(30, Math.max(0, Math.ceil((next.current - now) / 1000)))
  return (
    <View className='page' id='ticket-page'>
      <View className='card'>
        <View className='row'>
          <Text className='ev-card__title' style={{ margin: 0 }}>
            {e.title}
          </Text>
          <Text className={`ev-status ev-status--${s.status}`} id='ticket-status'>
            {statusLabel(s.status)}
          </Text>
        </View>
        <Text className='ev-meta'>时间 {when(e)}</Text>
        <Text className='ev-meta'>地点 {e.venue}</Text>
        <Text className='ev-meta'>房屋 {s.householdLabel}</Text>
      </View>
      {s.status === 'checkedIn' ? (
        <View className='card ev-notice ev-ok' id='ticket-checked'>
          <Text>已于 {formatDateTime(s.checkedInAt ?? 0)} 签到，欢迎参加！</Text>
        </View>
      ) : (
        <View className='card' id='ticket-code-card'>
          <Text className='ev-label' style={{ textAlign: 'center' }}>
            请向核销员出示二维码，或报出核销码
          </Text>
          <QrImage text={t.token} size={400} id='ticket-qr' />
          <Text className='ev-code' id='ticket-short-code'>
            {t.shortCode}
          </Text>
          <Text className='ev-count' id='ticket-refresh'>
            {left > 0 ? `${left} 秒后自动刷新 · 截图无效` : '正在刷新…'}
          </Text>
        </View>
      )}
      {t.rewards.length > 0 ? (
        <View className='card' id='ticket-rewards'>
          <Text className='section-title'>本场奖励</Text>
          {t.rewards.map((r) => (
            <View key={r.id} className='list-item'>
              <Text>{r.kind === 'attendance' ? '签到奖励' : '评价奖励'}</Text>
              <Text className='badge badge--accent'>{r.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {s.status === 'checkedIn' && !s.feedbackGiven && (e.phase === 'ongoing' || e.phase === 'ended') ? (
        <Button block type='primary' id='ticket-feedback' onClick={() => void Taro.navigateTo({ url: `${EVENT_PKG}/feedback/index?id=${e.id}` })}>
          评价活动
        </Button>
      ) : null}
    </View>
  )
}
