import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PAY_MODE_LABELS, type PayMode } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { SERVICE_PKG, type Slots, book, slotsOf } from '../../../../services/booking'
import { checkout, newRequestId } from '../../../../services/payment'
import { fieldError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { shanghai } from '../../../../utils/time'
import '../../service.scss'

const WEEK = ['日', '一', '二', '三', '四', '五', '六']

/** Line detail with its service standard, the slot picker, the payment choice and the confirmation. */
export default function BookPage() {
  const { params } = useRouter()
  const lineId = params.lineId ?? ''
  const householdId = currentMe()?.current?.householdId ?? ''
  const [data, setData] = useState<Slots | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [slot, setSlot] = useState<number | null>(null)
  const [mode, setMode] = useState<PayMode | null>(null)
  const [cardId, setCardId] = useState<string>('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const load = async () => {
    const r = await slotsOf(lineId, householdId || undefined)
    if (!r.ok) return setError(r.error)
    setData(r.data)
    setMode((m) => m ?? (r.data.line.payModes.find((p) => p !== 'card' || r.data.cards.length > 0) ?? null))
    setCardId((c) => c || r.data.cards[0]?.id || '')
  }
  useDidShow(() => void load())

  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const { line } = data
  const days = new Map<string, Slots['slots']>()
  for (const s of data.slots) {
    const d = shanghai(s.start)
    const key = `${d.format('M月D日')} 周${WEEK[d.day()] ?? ''}`
    days.set(key, [...(days.get(key) ?? []), s])
  }
  const modes = line.payModes.filter((p) => p !== 'card' || data.cards.length > 0)

  const submit = async () => {
    if (slot === null || !mode) return
    setBusy(true)
    const r = await book({ lineId, householdId, slotStart: slot, payMode: mode, clientRequestId: requestId, note, photos: [], ...(mode === 'card' ? { cardId } : {}) })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      if (r.error.code === 'BOOKING.SLOT_FULL' || r.error.code === 'BOOKING.SLOT_PAST') {
        setSlot(null)
        setRequestId(newRequestId())
        void load()
      }
      return
    }
    const b = r.data.booking
    if (b.status === 'held' && b.canPay) {
      const paid = await checkout({ payables: [{ type: 'booking', id: b.id }], clientRequestId: `${requestId}-pay` })
      if (!paid.ok) void Taro.redirectTo({ url: `${SERVICE_PKG}/booking/index?id=${b.id}` })
      return
    }
    void Taro.redirectTo({ url: `${SERVICE_PKG}/booking/index?id=${b.id}` })
  }

  return (
    <View className='page' id='book-page'>
      <View className='card'>
        <View className='sv-line__top'>
          <Text className='sv-line__name'>{line.name}</Text>
          {line.freeUnderPropertyFee ? <Text className='badge'>物业费包含</Text> : line.priceFen === null ? <Text className='sv-quote'>上门报价</Text> : <Price fen={line.priceFen} size='l' />}
        </View>
        <Text className='sv-meta'>{line.description}</Text>
        <Text className='sv-meta'>服务时长约 {line.durationMin} 分钟{line.priceFen === null ? ' · 师傅上门检测后报价，完工后付款' : ''}</Text>
      </View>
      <View className='card' id='book-standard'>
        <Text className='section-title'>服务标准</Text>
        {line.checklist.map((c, i) => (
          <View key={c.key} className='sv-check'>
            <Text className='sv-check__dot'>{i + 1}</Text>
            <Text>{c.label}</Text>
          </View>
        ))}
      </View>
      <View className='card' id='slot-picker'>
        <Text className='section-title'>选择时段</Text>
        {data.slots.length === 0 ? <Text className='muted'>近 7 天没有可约时段</Text> : null}
        {[...days.entries()].map(([day, slots]) => (
          <View key={day}>
            <Text className='sv-day'>{day}</Text>
            <View className='sv-slots'>
              {slots.map((s) => (
                <View
                  key={s.start}
                  id={`slot-${s.start}`}
                  className={`sv-slot ${slot === s.start ? 'sv-slot--on' : ''} ${s.free === 0 ? 'sv-slot--full' : ''}`}
                  onClick={() => (s.free > 0 ? setSlot(s.start) : undefined)}
                >
                  <Text>{shanghai(s.start).format('HH:mm')}</Text>
                  <Text className='sv-slot__free'>{s.free > 0 ? `余 ${s.free}` : '约满'}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
        {fieldError(error, 'slotStart') ? <Text className='field-error'>{fieldError(error, 'slotStart')}</Text> : null}
      </View>
      <View className='card'>
        <Text className='section-title'>付款方式</Text>
        <View className='sv-choice'>
          {modes.map((m) => (
            <Text key={m} id={`pay-${m}`} className={`sv-chip ${mode === m ? 'sv-chip--on' : ''}`} onClick={() => setMode(m)}>
              {PAY_MODE_LABELS[m]}
            </Text>
          ))}
        </View>
        {mode === 'card' ? (
          <View className='sv-choice' style={{ marginTop: '16px' }}>
            {data.cards.map((c) => (
              <Text key={c.id} id={`card-${c.id}`} className={`sv-chip ${cardId === c.id ? 'sv-chip--on' : ''}`} onClick={() => setCardId(c.id)}>
                {c.title}（剩 {c.usesLeft} 次）
              </Text>
            ))}
          </View>
        ) : null}
        <View className='sv-field' style={{ marginTop: '24px' }}>
          <Text className='sv-label'>备注（选填）</Text>
          <TextArea id='book-note' value={note} maxLength={200} placeholder={line.kind === 'repair' ? '请描述故障情况' : '例如：家里有宠物'} onChange={(v: string) => setNote(v)} />
        </View>
        {error && !fieldError(error, 'slotStart') ? <Text className='field-error' id='book-error'>{error.message}</Text> : null}
        <Button id='book-submit' className='btn-block' block type='primary' loading={busy} disabled={slot === null || !mode} onClick={() => void submit()}>
          {slot === null ? '请选择时段' : mode === 'upfront' ? '确认预约并支付' : line.kind === 'repair' ? '提交报修' : '确认预约'}
        </Button>
      </View>
    </View>
  )
}
