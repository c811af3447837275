import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAY_MODE_LABELS, type PayMode } from '@contracts/booking'
import type { ApiError } from '@contracts/errors'
import type { Purchase } from '@contracts/member'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { pickCoupon } from '../../../../services/member'
import { checkout, newRequestId } from '../../../../services/payment'
import { fieldError, toastError } from '../../../../services/result'
import { answerFor } from '../../../../utils/answer-for'
import { formatFen } from '../../../../utils/money'
import { shanghai } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, Field, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
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
  const [couponId, setCouponId] = useState<string | null>(params.couponId ? decodeURIComponent(params.couponId) : null)
  const [usePoints, setUsePoints] = useState(false)
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
  const ask = { couponId: online ? couponId : null, usePoints: online && usePoints }
  const choiceKey = `${JSON.stringify(purchase)}|${ask.couponId ?? ''}|${String(ask.usePoints)}`
  const preview = useQuery(
    // Enabled only once there is a priced purchase.
    () => answerFor(choiceKey, api.member.checkoutOptions({ purchase: purchase!, ...ask })),
    [choiceKey],
    { enabled: purchase !== null }
  )
  // A coupon that no longer fits (used elsewhere meanwhile) is dropped, and said so.
  useEffect(() => {
    if (!preview.error) return
    toastError(preview.error)
    if (couponId) setCouponId(null)
  }, [preview.error])

  const options = preview.data?.value ?? null
  const quote = options?.quote
  const total = preview.data?.choice === choiceKey ? (quote?.payableFen ?? null) : null
  const usable = options?.coupons.filter((x) => x.usable).length ?? 0
  const chosenCoupon = options?.coupons.find((x) => x.coupon.id === couponId)
  const pointsUsable = options?.points.maxUsable ?? 0

  const chooseCoupon = async () => {
    if (!purchase) return
    const picked = await pickCoupon({ purchase, couponId, communityId })
    if (picked) setCouponId(picked.couponId)
  }

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
      ...ask,
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
                ...(quote && quote.levelDiscountFen > 0
                  ? [{ label: `${quote.levelName}折扣`, id: 'book-level', value: <Text className='sv-minus'>{formatFen(quote.levelDiscountFen, { minus: true })}</Text> }]
                  : [])
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
              <View className='sv-choice'>
                {modes.map((m) => (
                  <Text key={m} id={`pay-${m}`} className={`sv-chip ${mode === m ? 'sv-chip--on' : ''}`} onClick={() => setMode(m)}>
                    {PAY_MODE_LABELS[m]}
                  </Text>
                ))}
              </View>
              {mode === 'card' ? (
                <View className='sv-choice sv-choice--spaced'>
                  {cards.map((c) => (
                    <Text key={c.id} id={`card-${c.id}`} className={`sv-chip ${cardId === c.id ? 'sv-chip--on' : ''}`} onClick={() => setCardId(c.id)}>
                      {c.title}（剩 {c.usesLeft} 次）
                    </Text>
                  ))}
                </View>
              ) : null}
              <Field label='备注（选填）' error={fieldError(error, 'note')}>
                <TextBox id='book-note' multiline value={note} maxLength={200} placeholder={line.kind === 'repair' ? '请描述故障情况' : '例如：家里有宠物'} onChange={setNote} />
              </Field>
            </Section>
            {priced ? (
              <Section title='优惠与金额' id='book-pricing'>
                <KVList rows={money} />
                {online ? (
                  <>
                    <Cell
                      id='book-coupon'
                      icon='coupon'
                      title='优惠券'
                      extra={
                        couponId && chosenCoupon ? (
                          <Text className='sv-minus'>
                            {chosenCoupon.coupon.title} {formatFen(quote?.couponDiscountFen ?? chosenCoupon.discountFen, { minus: true })}
                          </Text>
                        ) : (
                          <Text>{usable > 0 ? `${usable} 张可用` : '暂无可用'}</Text>
                        )
                      }
                      onClick={() => void chooseCoupon()}
                    />
                    <Cell
                      icon='points'
                      title='积分抵扣'
                      desc={usePoints && quote ? `用 ${quote.pointsUsed} 积分，${formatFen(quote.pointsDiscountFen, { minus: true })}` : `可用 ${pointsUsable} 积分`}
                      extra={
                        <Button id='book-points' size='small' type='primary' fill={usePoints ? 'solid' : 'outline'} disabled={!usePoints && pointsUsable === 0} onClick={() => setUsePoints(!usePoints)}>
                          {usePoints ? '已使用' : '使用'}
                        </Button>
                      }
                    />
                  </>
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
