import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Img, Price } from '../../../ui/kit'
import { formatFen } from '../../../utils/money'
import { minPrice, productIcon } from '../format'
import type { Campaign } from '../types'
import { CampaignSummary } from './CampaignSummary'
import { ThresholdProgress } from './ThresholdProgress'

/** A campaign in a list: its photo, state and countdown, title, delivery, price and progress. */
export function CampaignCard({ c, now, id, onClick, children }: { c: Campaign; now: number; id: string; onClick?: () => void; children?: ReactNode }) {
  const price = minPrice(c)
  const saving = c.skus.find((s) => s.priceFen === price.priceFen)?.savingFen ?? null
  return (
    <View className='ps-campaign' id={id} onClick={onClick}>
      <Img src={c.cover} size='card' icon={productIcon(c.productKind)} />
      <View className='ps-campaign__body'>
        <CampaignSummary c={c} now={now} />
        <View className='ps-price'>
          <Price fen={price.priceFen} />
          {price.originalFen > price.priceFen ? <Price fen={price.originalFen} size='s' original /> : null}
          <Text className='ps-unit'>
            {c.skus.length > 1 ? '起' : ''}/{c.unit}
          </Text>
          {saving !== null ? <Text className='ps-saving__tag'>比单买省 {formatFen(saving, { trimZeros: true })}</Text> : null}
        </View>
        <ThresholdProgress c={c} />
        {children}
      </View>
    </View>
  )
}
