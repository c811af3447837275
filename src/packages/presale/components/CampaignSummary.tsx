import { Text, View } from '@tarojs/components'
import { deliveryText } from '../format'
import type { Campaign } from '../types'
import { Countdown } from './Countdown'
import { CampaignChip } from './StatusChip'

/** A campaign's state and countdown, its title and when it is delivered. */
export function CampaignSummary({ c, now }: { c: Campaign; now: number }) {
  return (
    <>
      <View className='ps-head'>
        <CampaignChip status={c.status} />
        <Countdown c={c} now={now} />
      </View>
      <Text className='ps-title'>{c.title}</Text>
      <Text className='ps-meta'>{deliveryText(c.delivery)}</Text>
    </>
  )
}
