import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PAY_MODE_LABELS, type PayMode } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import type { Purchase } from '@contracts/member'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { CheckoutDiscounts, levelDiscountRows, useCheckout } from '../../../../components/Checkout'
import { TextBox } from '../../../../components/TextBox'
import { checkout, newRequestId } from '../../../../services/payment'
import { fieldError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { shanghai } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Field, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { ChipChoice } from '../../components/ChipChoice'
import { serviceLink } from '../../types'
import '../../service.scss'

type Slots = OutputOf<'booking.slots'>

const WEEK = ['日', '一', '二', '三', '四', '五', '六']

/**
 * Line detail with its service standard, the slot picker, the payment choice and the confirmation.
 * A line with a price is priced by the server like a pre-sale order (`member.checkoutOptions` for
 * the current choices): the member level's discount, and, paying online, a coupon and points. The
 * total shown is only ever the server's for the current choices.
 */
export default function BookPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const lineId = decodeURIComponent(params.lineId ?? '')
  const householdId = me?.current?.householdId ?? ''
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
  const [slot, setSlot] = useState<number | null>(null)
  const [chosenMode, setMode] = useState<PayMode | null>(null)
  const [chosenCard, setCardId] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [requestId, setRequestId] = useState(newRequestId)

  // The household's service cards come with the slots once the session names the household.
  const q = useQuery(() => api.booking.slots(householdId ? { lineId, householdId } : { lineId }), [lineId, householdId], { enabled: lineId !== '' })
  const data: Slots | null = q.data
  const line = data?.line
  const modes = line ? line.payModes.filter((p) => p !== 'card' || (data?.cards.length ?? 0) > 0) : []
  const mode = chosenMode ?? modes[0] ?? null
  const cardId = chosenCard || data?.cards[0]?.id || ''
  // Priced with money at a price known now: the server prices it; a coupon and points only paying online.
  const priced = line !== undefined && line.priceFen !== null && line.priceFen > 0 && (mode === 'upfront' || mode === 'after')
  const online = mode === 'upfront'
  const purchase: Purchase | null = priced && line ? { kind: 'booking', lineId: line.id } : null
  const pricing = useCheckout({
    purchase,
    communityId,
    initialCouponId: params.couponId ? decodeURIComponent(params.couponId) : null,
    discounts: online
  })
  const { preview, quote, total } = pricing

  const submit = async () => {
    if (slot === null || !mode) return
    setBusy(true)
    const r = await api.booking.book({
      lineId,
      householdId,
      slotStart: slot,
      payMode: mode,
      clientRequestId: requestId,
      note,
      photos: [],
      ...pricing.ask,
      ...(mode === 'card' ? { cardId } : {})
    })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      // A refusal is final for this attempt; only a lost answer is retried with the same id.
      if (r.error.code !== 'TRANSPORT.FAILED') setRequestId(newRequestId())
      if (r.error.code === 'BOOKING.SLOT_FULL' || r.error.code === 'BOOKING.SLOT_PAST') {
        setSlot(null)
        void q.reload()
      }
      if (r.error.code.startsWith('MEMBER.')) void preview.reload()
      return
    }
    const b = r.data.booking
    const booking = serviceLink('booking', { id: b.id }, b.communityId)
    if (b.status === 'held' && b.canPay) {
      const paid = await checkout({ payables: [{ type: 'booking', id: b.id }], clientRequestId: `${requestId}-pay` })
      if (!paid.ok) void Taro.redirectTo({ url: booking })
      return
    }
    void Taro.redirectTo({ url: booking })
  }

  return (
    <PageShell id='book-page' query={q}>
      {({ line, slots, cards }) => {
        const days = new Map<string, Slots['slots']>()
        for (const s of slots) {
          const d = shanghai(s.start)
          const key = `${d.format('M月D日')} 周${WEEK[d.day()] ?? ''}`
          days.set(key, [...(days.get(key) ?? []), s])
        }
        const money: KVRow[] =
          priced && line.priceFen !== null
            ? [
                { label: '服务金额', value: <Price fen={line.priceFen} size='s' /> },
                ...levelDiscountRows(quote, 'book-level')
              ]
            : []
        const slotError = fieldError(error, 'slotStart')
        return (
          <>
            <Section
              title={line.name}
              extra={line.freeUnderPropertyFee ? <Text className='badge'>物业费包含</Text> : line.priceFen === null ? <Text className='sv-quote'>上门报价</Text> : <Price fen={line.priceFen} size='l' />}
            >
              <Text className='sv-meta'>{line.description}</Text>
              <Text className='sv-meta'>
                服务时长约 {line.durationMin} 分钟{line.priceFen === null ? ' · 师傅上门检测后报价，完工后付款' : ''}
              </Text>
            </Section>
            <Section title='服务标准' id='book-standard'>
              {line.checklist.map((c, i) => (
                <View key={c.key} className='sv-check'>
                  <Text className='sv-check__dot'>{i + 1}</Text>
                  <Text>{c.label}</Text>
                </View>
              ))}
            </Section>
            <Section title='选择时段' id='slot-picker'>
              {slots.length === 0 ? <Text className='muted'>近 7 天没有可约时段，请过几天再来看看</Text> : null}
              {[...days.entries()].map(([day, daySlots]) => (
                <View key={day}>
                  <Text className='sv-day'>{day}</Text>
                  <View className='sv-slots'>
                    {daySlots.map((s) => (
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
              {slotError ? <Text className='field-error'>{slotError}</Text> : null}
            </Section>
            <Section title='付款方式'>
              <ChipChoice<PayMode> id='pay' value={mode} options={modes.map((m) => ({ value: m, label: PAY_MODE_LABELS[m] }))} onChange={setMode} />
              {mode === 'card' ? (
                <ChipChoice id='card' spaced value={cardId} options={cards.map((c) => ({ value: c.id, label: `${c.title}（剩 ${c.usesLeft} 次）` }))} onChange={setCardId} />
              ) : null}
              <Field label='备注（选填）' error={fieldError(error, 'note')}>
                <TextBox id='book-note' multiline value={note} maxLength={200} placeholder={line.kind === 'repair' ? '请描述故障情况' : '例如：家里有宠物'} onChange={setNote} />
              </Field>
            </Section>
            {priced ? (
              <Section title='优惠与金额' id='book-pricing'>
                <KVList rows={money} />
                {online ? (
                  <CheckoutDiscounts checkout={pricing} idPrefix='book' />
                ) : (
                  <Text className='muted' id='book-online-only'>
                    优惠券和积分仅限在线预付时使用
                  </Text>
                )}
                <View className='row sv-total' id='book-total'>
                  <Text>{online ? '应付' : '服务后应付'}</Text>
                  {total !== null ? (
                    <View className='row'>
                      {quote && quote.payableFen < quote.subtotalFen ? <Text className='muted sv-saved'>已优惠 {formatFen(quote.subtotalFen - quote.payableFen)}</Text> : null}
                      <Price fen={total} size='m' />
                    </View>
                  ) : preview.error ? (
                    <Text className='link' onClick={() => void preview.reload()}>
                      暂时算不出，点此重试
                    </Text>
                  ) : (
                    <Text className='muted'>计算中…</Text>
                  )}
                </View>
              </Section>
            ) : null}
            {error && !slotError && !fieldError(error, 'note') ? (
              <Notice tone='danger' id='book-error'>
                {error.message}
              </Notice>
            ) : null}
            <ActionBar>
              <Button id='book-submit' block type='primary' loading={busy} disabled={slot === null || !mode} onClick={() => void submit()}>
                {slot === null ? '请选择时段' : mode === 'upfront' ? '确认预约并支付' : line.kind === 'repair' ? '提交报修' : '确认预约'}
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
