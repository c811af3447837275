import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAY_MODE_LABELS, RATING_DIMENSIONS, RATING_LABELS, type RatingDimension } from '@contracts/booking'
import { api } from '../../../../client'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { checkout, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { photoSrc } from '../../../../services/upload'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, CellGroup, Chip, Img, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime, shanghai } from '../../../../utils/time'
import { type Booking, serviceLink } from '../../types'
import { Stars } from '../../components/Stars'
import { ContactButton } from '../../../../components/ContactButton'
import '../../service.scss'

const NEXT = [
  ['same', '下次还找这位师傅'],
  ['different', '下次换个师傅'],
  ['any', '都可以']
] as const

const LIVE: Booking['status'][] = ['confirmed', 'on_way', 'arrived']

const PAID: Partial<Record<Booking['payState'], string>> = { paid: '已支付', refunded: '已退款', due: '待付款', card: '次卡抵扣', free: '物业费包含' }

function money(b: Booking): KVRow[] {
  const rows: KVRow[] = [{ label: '付款方式', value: [PAY_MODE_LABELS[b.payMode], PAID[b.payState]].filter(Boolean).join('，') }]
  const p = b.pricing
  if (p) {
    rows.push({ label: '服务费', value: <Price fen={p.subtotalFen} size='s' /> })
    if (p.levelDiscountFen > 0) rows.push({ label: `${p.levelName}折扣`, value: <Text className='sv-minus'>-¥{(p.levelDiscountFen / 100).toFixed(2)}</Text> })
    if (p.couponDiscountFen > 0) rows.push({ label: '优惠券', value: <Text className='sv-minus'>-¥{(p.couponDiscountFen / 100).toFixed(2)}</Text> })
    if (p.pointsDiscountFen > 0) rows.push({ label: '积分抵扣', value: <Text className='sv-minus'>{`-¥${(p.pointsDiscountFen / 100).toFixed(2)}（${p.pointsUsed} 积分）`}</Text> })
  }
  rows.push({ label: p ? '实付' : '金额', id: 'booking-price', value: b.priceFen === null ? <Text className='sv-quote'>上门报价</Text> : <Price fen={b.priceFen} /> })
  return rows
}

/** One booking: status, worker, the live timeline of the service, payment, cancellation, rating. */
export default function BookingPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const q = useQuery(() => api.booking.get({ bookingId: id }), [id], { enabled: id !== '' })
  const [scores, setScores] = useState<Record<RatingDimension, number>>({ punctuality: 5, attitude: 5, process: 5, etiquette: 5, result: 5 })
  const [comment, setComment] = useState('')
  const [nextTime, setNextTime] = useState<'same' | 'different' | 'any'>('any')
  const [busy, setBusy] = useState(false)

  // The timeline moves while the worker works: refresh every 15 s while the service is live.
  const status = q.data?.booking.status
  useEffect(() => {
    if (!status || !LIVE.includes(status)) return undefined
    const t = setInterval(() => void q.reload(), 15_000)
    return () => clearInterval(t)
  }, [status, q.reload])

  const pay = async (b: Booking) => {
    const r = await checkout({ payables: [{ type: 'booking', id: b.id }], clientRequestId: newRequestId() })
    if (!r.ok) toastError(r.error)
  }
  const cancel = async (b: Booking) => {
    const sure = await Taro.showModal({ title: '取消预约', content: b.payState === 'paid' ? '取消后预付款将原路退回，确定取消吗？' : '确定取消这次预约吗？' })
    if (!sure.confirm) return
    const r = await api.booking.cancel({ bookingId: b.id })
    if (r.ok) q.setData({ booking: r.data.booking })
    else toastError(r.error)
  }
  const rate = async (b: Booking) => {
    setBusy(true)
    const r = await api.booking.rate({ bookingId: b.id, scores, comment, nextTime })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    q.setData({ booking: r.data.booking })
    void Taro.showToast({ title: r.data.followUp ? '感谢评价，管家会尽快回访' : '感谢评价', icon: 'none' })
  }

  return (
    <PageShell id='booking-page' query={q}>
      {({ booking: b }) => (
        <>
          <Section>
            <View className='sv-head'>
              <Img src={b.lineCover} size='thumb' icon={b.kind === 'repair' ? 'repair' : 'cleaning'} className='sv-head__img' />
              <View className='sv-head__body'>
                <Text className='sv-line__name'>{b.kind === 'repair' ? `报修：${b.lineName}` : b.lineName}</Text>
                <Chip id='booking-status' text={b.statusLabel} tone={b.status === 'held' ? 'accent' : b.status === 'cancelled' || b.status === 'expired' ? 'muted' : 'primary'} />
              </View>
            </View>
            <KVList
              rows={[
                { label: '上门时间', value: `${shanghai(b.slotStart).format('M月D日 HH:mm')}-${shanghai(b.slotEnd).format('HH:mm')}` },
                { label: '服务地址', value: b.householdLabel },
                {
                  label: '服务师傅',
                  id: 'booking-worker',
                  value: b.worker ? (
                    <View className='sv-worker'>
                      <Text>{b.worker.name}</Text>
                      {b.worker.partner ? <Chip text='合作师傅' tone='info' /> : null}
                      {b.worker.outstanding ? <Chip text='优秀师傅' tone='accent' /> : null}
                    </View>
                  ) : (
                    '等待调度派单'
                  )
                },
                ...money(b),
                ...(b.note ? [{ label: '备注', value: b.note }] : [])
              ]}
            />
            {b.status === 'held' && b.holdUntil ? <Notice tone='warning'>请在 {shanghai(b.holdUntil).format('HH:mm')} 前完成支付，超时将释放时段</Notice> : null}
          </Section>

          <Section title='服务进度' id='timeline'>
            <View className='sv-timeline'>
              {b.timeline.map((t) => {
                // A checklist step's entry shows the photo the worker took for it.
                const photo = b.checklist.find((c) => `step:${c.key}` === t.key)?.photo ?? null
                const key = t.key.replace(':', '-')
                return (
                  <View key={t.key} id={`tl-${key}`} className={`sv-tl ${t.at !== null ? 'sv-tl--done' : ''}`}>
                    <Text className='sv-tl__label'>{t.label}</Text>
                    {t.at !== null ? <Text className='sv-tl__note'>{formatDateTime(t.at)}</Text> : null}
                    {t.note ? <Text className='sv-tl__note'>{t.note}</Text> : null}
                    {photo ? <PhotoStrip id={`tl-photo-${key}`} ids={[photo]} srcOf={photoSrc} small /> : null}
                  </View>
                )
              })}
            </View>
          </Section>

          {b.canRate ? (
            <Section title='评价本次服务' id='rate-form'>
              {RATING_DIMENSIONS.map((d) => (
                <View key={d} className='sv-rate-row'>
                  <Text className='sv-label'>{RATING_LABELS[d]}</Text>
                  <Stars id={`rate-${d}`} value={scores[d]} onChange={(n) => setScores({ ...scores, [d]: n })} />
                </View>
              ))}
              <View className='sv-choice sv-choice--spaced'>
                {NEXT.map(([k, label]) => (
                  <Text key={k} id={`next-${k}`} className={`sv-chip ${nextTime === k ? 'sv-chip--on' : ''}`} onClick={() => setNextTime(k)}>
                    {label}
                  </Text>
                ))}
              </View>
              <TextArea id='rate-comment' value={comment} maxLength={300} placeholder='说说师傅的表现（选填）' onChange={(v: string) => setComment(v)} />
              <Button id='rate-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void rate(b)}>
                提交评价
              </Button>
            </Section>
          ) : null}

          {b.rating ? (
            <Section title='我的评价' extra={<Chip text={`${b.rating.avg.toFixed(1)} 分`} tone='accent' />} id='rating-view'>
              <KVList rows={RATING_DIMENSIONS.map((d) => ({ label: RATING_LABELS[d], value: <Stars id={`rated-${d}`} value={b.rating?.scores[d] ?? 0} /> }))} />
              {b.rating.comment ? <Text className='sv-meta'>{b.rating.comment}</Text> : null}
            </Section>
          ) : null}

          {b.rating && b.canThank ? (
            <CellGroup>
              <Cell
                id='go-thank'
                icon='thumb'
                title={`给${b.worker?.name ?? '师傅'}写一封表扬信`}
                desc='审核后计入师傅口碑，也是评选光荣榜的依据'
                onClick={() => void Taro.navigateTo({ url: serviceLink('thank', { bookingId: b.id }, b.communityId) })}
              />
            </CellGroup>
          ) : null}

          <ContactButton id='booking-contact' text='对服务有疑问？联系客服' />

          {b.canPay || b.canCancel ? (
            <ActionBar>
              {b.canCancel ? (
                <Button id='booking-cancel' fill='outline' type='default' onClick={() => void cancel(b)}>
                  取消预约
                </Button>
              ) : null}
              {b.canPay ? (
                <Button id='booking-pay' type='primary' onClick={() => void pay(b)}>
                  {b.status === 'held' ? '去支付' : '支付服务费'}
                </Button>
              ) : null}
            </ActionBar>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
