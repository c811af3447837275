import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAY_MODE_LABELS, RATING_DIMENSIONS, RATING_LABELS, type RatingDimension } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Booking, cancelBooking, getBooking, rateBooking } from '../../../../services/booking'
import { checkout, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { photoSrc } from '../../../../services/upload'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { formatDateTime, shanghai } from '../../../../utils/time'
import '../../service.scss'

const NEXT = [
  ['same', '下次还找这位师傅'],
  ['different', '下次换个师傅'],
  ['any', '都可以']
] as const

/** One booking: status, worker, the live timeline of the service, payment, cancellation, rating. */
export default function BookingPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [b, setB] = useState<Booking | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [scores, setScores] = useState<Record<RatingDimension, number>>({ punctuality: 5, attitude: 5, process: 5, etiquette: 5, result: 5 })
  const [comment, setComment] = useState('')
  const [nextTime, setNextTime] = useState<'same' | 'different' | 'any'>('any')
  const [busy, setBusy] = useState(false)
  const load = async () => {
    const r = await getBooking(id)
    if (r.ok) setB(r.data.booking)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  // The timeline moves while the worker works: refresh every 15 s while the service is live.
  useEffect(() => {
    if (!b || !['confirmed', 'on_way', 'arrived'].includes(b.status)) return undefined
    const t = setInterval(() => void load(), 15_000)
    return () => clearInterval(t)
  }, [b?.status])

  if (!b) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>

  const pay = async () => {
    const r = await checkout({ payables: [{ type: 'booking', id: b.id }], clientRequestId: newRequestId() })
    if (!r.ok) toastError(r.error)
  }
  const cancel = async () => {
    const sure = await Taro.showModal({ title: '取消预约', content: b.payState === 'paid' ? '取消后预付款将原路退回，确定取消吗？' : '确定取消这次预约吗？' })
    if (!sure.confirm) return
    const r = await cancelBooking(b.id)
    if (r.ok) setB(r.data.booking)
    else toastError(r.error)
  }
  const rate = async () => {
    setBusy(true)
    const r = await rateBooking({ bookingId: b.id, scores, comment, nextTime })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setB(r.data.booking)
    void Taro.showToast({ title: r.data.followUp ? '感谢评价，管家会尽快回访' : '感谢评价', icon: 'none' })
  }

  return (
    <View className='page' id='booking-page'>
      <View className='card'>
        <View className='sv-line__top'>
          <Text className='sv-line__name'>{b.lineName}</Text>
          <Text className={`badge ${b.status === 'held' ? 'badge--accent' : ''}`} id='booking-status'>{b.statusLabel}</Text>
        </View>
        <Text className='sv-meta'>
          {shanghai(b.slotStart).format('M月D日 HH:mm')}-{shanghai(b.slotEnd).format('HH:mm')} · {b.householdLabel}
        </Text>
        <Text className='sv-meta' id='booking-worker'>
          {b.worker ? `服务师傅：${b.worker.name}${b.worker.partner ? '（合作）' : ''}${b.worker.outstanding ? ' · 优秀师傅' : ''}` : '等待调度派单'}
        </Text>
        <View className='row' style={{ marginTop: '8px' }}>
          <Text className='sv-meta'>{PAY_MODE_LABELS[b.payMode]}{b.payState === 'paid' ? ' · 已支付' : b.payState === 'refunded' ? ' · 已退款' : ''}</Text>
          {b.priceFen === null ? <Text className='sv-quote'>上门报价</Text> : <Price fen={b.priceFen} />}
        </View>
        {b.status === 'held' && b.holdUntil ? <Text className='sv-meta'>请在 {shanghai(b.holdUntil).format('HH:mm')} 前完成支付，超时将释放时段</Text> : null}
        {b.note ? <Text className='sv-meta'>备注：{b.note}</Text> : null}
      </View>

      <View className='card' id='timeline'>
        <Text className='section-title'>服务进度</Text>
        <View className='sv-timeline'>
          {b.timeline.map((t) => {
            // A checklist step's entry shows the photo the worker took for it.
            const photo = b.checklist.find((c) => `step:${c.key}` === t.key)?.photo ?? null
            const id = t.key.replace(':', '-')
            return (
              <View key={t.key} id={`tl-${id}`} className={`sv-tl ${t.at !== null ? 'sv-tl--done' : ''}`}>
                <Text className='sv-tl__label'>{t.label}</Text>
                {t.at !== null || t.note ? <Text className='sv-tl__note'>{[t.at !== null ? formatDateTime(t.at) : '', t.note].filter(Boolean).join(' · ')}</Text> : null}
                {photo ? <PhotoStrip id={`tl-photo-${id}`} ids={[photo]} srcOf={photoSrc} small /> : null}
              </View>
            )
          })}
        </View>
      </View>

      {b.canPay ? (
        <Button id='booking-pay' className='btn-block' block type='primary' onClick={() => void pay()}>
          {b.status === 'held' ? '去支付' : '支付服务费'}
        </Button>
      ) : null}

      {b.canRate ? (
        <View className='card' id='rate-form'>
          <Text className='section-title'>评价本次服务</Text>
          {RATING_DIMENSIONS.map((d) => (
            <View key={d} className='sv-rate-row'>
              <Text className='sv-label'>{RATING_LABELS[d]}</Text>
              <View className='sv-stars'>
                {[1, 2, 3, 4, 5].map((n) => (
                  <Text key={n} id={`rate-${d}-${n}`} className={`sv-star ${scores[d] >= n ? 'sv-star--on' : ''}`} onClick={() => setScores({ ...scores, [d]: n })}>
                    ★
                  </Text>
                ))}
              </View>
            </View>
          ))}
          <View className='sv-choice' style={{ margin: '16px 0' }}>
            {NEXT.map(([k, label]) => (
              <Text key={k} id={`next-${k}`} className={`sv-chip ${nextTime === k ? 'sv-chip--on' : ''}`} onClick={() => setNextTime(k)}>
                {label}
              </Text>
            ))}
          </View>
          <TextArea id='rate-comment' value={comment} maxLength={300} placeholder='说说师傅的表现（选填）' onChange={(v: string) => setComment(v)} />
          <Button id='rate-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void rate()}>
            提交评价
          </Button>
        </View>
      ) : null}

      {b.rating ? (
        <View className='card' id='rating-view'>
          <Text className='section-title'>我的评价 · {b.rating.avg.toFixed(1)} 分</Text>
          <Text className='sv-meta'>{RATING_DIMENSIONS.map((d) => `${RATING_LABELS[d]} ${b.rating?.scores[d] ?? 0}`).join(' · ')}</Text>
          {b.rating.comment ? <Text className='sv-meta'>{b.rating.comment}</Text> : null}
        </View>
      ) : null}

      {b.canCancel ? (
        <Button id='booking-cancel' className='btn-block' block fill='outline' type='default' onClick={() => void cancel()}>
          取消预约
        </Button>
      ) : null}
    </View>
  )
}
