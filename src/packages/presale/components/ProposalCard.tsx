import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../utils/time'
import { Img, Price } from '../../../ui/kit'
import type { Proposal } from '../types'
import { ProposalChip } from './StatusChip'
import { productIcon } from '../format'

/** Registered quantity towards the quantity at which the office sources it. */
export function DemandProgress({ p, id }: { p: Proposal; id?: string }) {
  const met = p.registered >= p.threshold
  const pct = Math.min(100, Math.round((p.registered / p.threshold) * 100))
  return (
    <View className='ps-progress' id={id}>
      <View className='ps-progress__text'>
        <Text>{met ? `已有 ${p.households} 户登记 ${p.registered} ${p.unit}，达到开团数量` : `${p.households} 户登记 ${p.registered}/${p.threshold} ${p.unit}，还差 ${p.threshold - p.registered} ${p.unit}开团`}</Text>
      </View>
      <View className='ps-progress__bar'>
        <View className={`ps-progress__fill ${met ? 'ps-progress__fill--met' : ''}`} style={{ width: `${Math.max(pct, 2)}%` }} />
      </View>
    </View>
  )
}

/** A proposal in the list: photo, state, title, indicative price, progress, and the household's own registration. */
export function ProposalCard({ p, id, onClick }: { p: Proposal; id: string; onClick: () => void }) {
  return (
    <View className='ps-campaign' id={id} onClick={onClick}>
      <Img src={p.images[0] ?? null} size='card' icon={productIcon(p.kind)} />
      <View className='ps-campaign__body'>
        <View className='ps-head'>
          <ProposalChip status={p.status} />
          <Text className='ps-meta'>{p.status === 'open' ? `${formatDateTime(p.closesAt)} 截止` : '已开团'}</Text>
        </View>
        <Text className='ps-title ps-title--card'>{p.title}</Text>
        <View className='ps-price'>
          <Text className='ps-meta'>预计</Text>
          <Price fen={p.indicativePriceFen} />
          <Text className='ps-unit'>/{p.unit}</Text>
        </View>
        <DemandProgress p={p} />
        {p.mine && p.mine.quantity > 0 ? (
          <Text className='ps-meta ps-mine'>
            本户已登记 {p.mine.quantity} {p.unit}
            {p.mine.orderId ? '，已为你预留，待付款确认' : ''}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
