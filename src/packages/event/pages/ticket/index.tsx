import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../../client'
import { QrImage } from '../../../../components/QrImage'
import { formatDateTime } from '../../../../utils/time'
import { ActionBar, Chip, KVList, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { STATUS_TONES, statusLabel } from '../../format'
import { eventLink } from '../../links'
import '../../event.scss'

/** A code lives 30-60 s, so one fetched every 30 s is always valid, whatever the phone's clock says. */
const REFRESH_MS = 30_000

/** The ticket refreshes its signed code every window while shown; an old screenshot stops working. */
export default function TicketPage() {
  const { params } = useRouter()
  const signupId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.event.ticket({ signupId }), [signupId], { enabled: signupId !== '' })
  const [now, setNow] = useState(Date.now())
  const next = useRef(0)
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)

  useEffect(() => {
    if (q.data) next.current = Date.now() + REFRESH_MS
  }, [q.data?.token])

  /** Every window only the codes are fetched; a changed status (checked in) loads the whole ticket. */
  const refresh = async () => {
    const cur = q.data
    next.current = Date.now() + REFRESH_MS
    if (!cur) return q.reload()
    const r = await api.event.ticketCode({ signupId })
    if (!r.ok || r.data.status !== cur.signup.status) return q.reload()
    const { token, shortCode, expiresAt, refreshAt } = r.data
    q.setData({ ...cur, token, shortCode, expiresAt, refreshAt })
  }
  const tick = useRef(refresh)
  tick.current = refresh
  const stop = () => {
    if (timer.current) clearInterval(timer.current)
    timer.current = null
  }
  useDidShow(() => {
    stop()
    timer.current = setInterval(() => {
      setNow(Date.now())
      if (next.current > 0 && Date.now() >= next.current) void tick.current()
    }, 1000)
  })
  useDidHide(stop)
  useEffect(() => stop, [])

  return (
    <PageShell id='ticket-page' query={q}>
      {(t) => {
        const e = t.event
        const s = t.signup
        const left = Math.min(30, Math.max(0, Math.ceil((next.current - now) / 1000)))
        return (
          <>
            <Section title={e.title} extra={<Chip id='ticket-status' text={statusLabel(s.status)} tone={STATUS_TONES[s.status]} />}>
              <EventMeta e={e} extra={s.householdLabel} />
            </Section>
            {s.status === 'checkedIn' ? (
              <Notice tone='success' id='ticket-checked'>
                已于 {formatDateTime(s.checkedInAt ?? 0)} 签到，欢迎参加！
              </Notice>
            ) : (
              <View className='card ev-ticket' id='ticket-code-card'>
                <Text className='ev-ticket__hint'>请向核销员出示二维码，或报出核销码</Text>
                <QrImage text={t.token} size={400} id='ticket-qr' />
                <Text className='ev-code' id='ticket-short-code'>
                  {t.shortCode}
                </Text>
                <Text className='ev-ticket__count' id='ticket-refresh'>
                  {left > 0 ? `${left} 秒后自动刷新，截图无效` : '正在刷新…'}
                </Text>
              </View>
            )}
            {t.rewards.length > 0 ? (
              <Section title='本场奖励' id='ticket-rewards'>
                <KVList rows={t.rewards.map((r) => ({ label: r.kind === 'attendance' ? '签到奖励' : '评价奖励', value: <Chip text={r.text} tone='accent' /> }))} />
              </Section>
            ) : null}
            {s.status === 'checkedIn' && !s.feedbackGiven && (e.phase === 'ongoing' || e.phase === 'ended') ? (
              <ActionBar>
                <Button type='primary' id='ticket-feedback' onClick={() => void Taro.navigateTo({ url: eventLink('feedback', e.communityId, { id: e.id }) })}>
                  评价活动
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
