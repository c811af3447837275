import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus, ORDER_STATUS_LABELS, type OrderStatus } from '@contracts/order'
import type { Campaign } from '../../services/order'
import { formatDate, formatDateTime } from '../../utils/time'

const TONES = ['green', 'orange', 'blue', 'purple'] as const

/** The product's photo, or its first character on a tone picked from its name. */
export function ProductArt({ name, images, size = 160, className = '' }: { name: string; images: readonly string[]; size?: number; className?: string }) {
  const side = Taro.pxTransform(size)
  const style = className ? {} : { width: side, height: side, fontSize: Taro.pxTransform(Math.round(size * 0.42)) }
  const first = images[0]
  if (first) {
    return (
      <View className={`ps-art ${className}`} style={style}>
        <Image className='ps-art__img' src={first} mode='aspectFill' />
      </View>
    )
  }
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return (
    <View className={`ps-art ps-art--${TONES[h % TONES.length]} ${className}`} style={style}>
      <Text>{name.slice(0, 1) || '选'}</Text>
    </View>
  )
}

const CAMPAIGN_TONE: Record<CampaignStatus, string> = {
  draft: 'mute',
  scheduled: 'info',
  live: 'warn',
  ended: 'mute',
  settling: 'info',
  succeeded: '',
  failed: 'bad',
  fulfilled: 'mute'
}

export function CampaignBadge({ status }: { status: CampaignStatus }) {
  return <Text className={`ps-status ps-status--${CAMPAIGN_TONE[status]}`}>{CAMPAIGN_STATUS_LABELS[status]}</Text>
}

const ORDER_TONE: Record<OrderStatus, string> = {
  reserving: 'info',
  pending_payment: 'warn',
  paid: 'info',
  confirmed: '',
  delivered: 'mute',
  expired: 'mute',
  cancelled: 'mute',
  rejected: 'mute',
  refunding: 'warn',
  refunded: 'mute'
}

export function OrderBadge({ status, id }: { status: OrderStatus; id?: string }) {
  return (
    <Text className={`ps-status ps-status--${ORDER_TONE[status]}`} id={id}>
      {ORDER_STATUS_LABELS[status]}
    </Text>
  )
}

/** `1天 02:03:04`, or `02:03:04` under a day. */
export function remainingText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const d = Math.floor(s / 86400)
  const hh = String(Math.floor((s % 86400) / 3600)).padStart(2, '0')
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return `${d > 0 ? `${d}天 ` : ''}${hh}:${mm}:${ss}`
}

/** A clock that ticks every second while the page is mounted. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])
  return now
}

/** What the countdown says for a campaign in each state. */
export function Countdown({ c, now, id }: { c: Campaign; now: number; id?: string }) {
  if (c.status === 'scheduled') return <Text className='ps-countdown' id={id}>距开始 {remainingText(c.startAt - now)}</Text>
  if (c.status === 'live') return <Text className='ps-countdown' id={id}>距截止 {remainingText(c.endAt - now)}</Text>
  return (
    <Text className='muted' id={id}>
      {formatDateTime(c.endAt)} 截止
    </Text>
  )
}

/** Paid quantity towards the group threshold (or simply sold, without one). */
export function ThresholdProgress({ c, id }: { c: Campaign; id?: string }) {
  const remaining = c.skus.reduce((n, s) => n + s.remaining, 0)
  if (c.threshold === null) {
    return (
      <View className='ps-progress' id={id}>
        <View className='ps-progress__text'>
          <Text>无成团门槛 · 已售 {c.soldQuantity}</Text>
          <Text>剩余 {remaining} {c.unit}</Text>
        </View>
      </View>
    )
  }
  const met = c.paidQuantity >= c.threshold
  const pct = Math.min(100, Math.round((c.paidQuantity / c.threshold) * 100))
  return (
    <View className='ps-progress' id={id}>
      <View className='ps-progress__text'>
        <Text>
          {met
            ? `已达成团数量（已付 ${c.paidQuantity}/${c.threshold}）`
            : c.status === 'failed'
              ? `未成团：已付 ${c.paidQuantity}/${c.threshold} ${c.unit}`
              : `已付 ${c.paidQuantity}/${c.threshold} ${c.unit}，还差 ${c.threshold - c.paidQuantity} ${c.unit}成团`}
        </Text>
        <Text>剩余 {remaining} {c.unit}</Text>
      </View>
      <View className='ps-progress__bar'>
        <View className={`ps-progress__fill ${met ? 'ps-progress__fill--met' : ''}`} style={{ width: `${Math.max(pct, 2)}%` }} />
      </View>
    </View>
  )
}

export function minPrice(c: Campaign): { priceFen: number; originalFen: number } {
  const cheapest = [...c.skus].sort((a, b) => a.priceFen - b.priceFen)[0]
  return { priceFen: cheapest?.priceFen ?? 0, originalFen: cheapest?.originalFen ?? 0 }
}

export function deliveryText(d: Campaign['delivery']): string {
  if (d.mode === 'pickup') return `${formatDate(d.date)} 起到「${d.pickupPoint?.name ?? '自提点'}」自提`
  return `${formatDate(d.date)} 管家送货上门`
}
