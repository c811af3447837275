import { Text, View } from '@tarojs/components'
import type { Campaign } from '../types'

/** Paid quantity towards the group threshold (or simply sold, without one). */
export function ThresholdProgress({ c, id }: { c: Campaign; id?: string }) {
  const remaining = c.skus.reduce((n, s) => n + s.remaining, 0)
  const left = (
    <Text className='ps-progress__left'>
      剩余 {remaining} {c.unit}
    </Text>
  )
  if (c.threshold === null) {
    return (
      <View className='ps-progress' id={id}>
        <View className='ps-progress__text'>
          <Text>
            无成团门槛 · 已售 {c.soldQuantity} {c.unit}
          </Text>
          {left}
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
        {left}
      </View>
      <View className='ps-progress__bar'>
        <View className={`ps-progress__fill ${met ? 'ps-progress__fill--met' : ''}`} style={{ width: `${Math.max(pct, 2)}%` }} />
      </View>
    </View>
  )
}
