import { Text } from '@tarojs/components'
import { formatDateTime } from '../../../utils/time'
import { remainingText } from '../format'
import type { Campaign } from '../types'

/** What the countdown says for a campaign in each state. */
export function Countdown({ c, now, id }: { c: Campaign; now: number; id?: string }) {
  if (c.status === 'scheduled') {
    return (
      <Text className='ps-countdown' id={id}>
        距开始 {remainingText(c.startAt - now)}
      </Text>
    )
  }
  if (c.status === 'live') {
    return (
      <Text className='ps-countdown' id={id}>
        距截止 {remainingText(c.endAt - now)}
      </Text>
    )
  }
  return (
    <Text className='ps-countdown ps-countdown--past' id={id}>
      {formatDateTime(c.endAt)} 截止
    </Text>
  )
}
