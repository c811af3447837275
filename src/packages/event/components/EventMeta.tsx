import { Text, View } from '@tarojs/components'
import { Icon } from '../../../ui/kit'
import { when } from '../format'
import type { EventView } from '../types'

/** When and where, one line each with its icon; `light` on a coloured background. */
export function EventMeta({ e, light = false, extra }: { e: Pick<EventView, 'startAt' | 'endAt' | 'venue'>; light?: boolean; extra?: string }) {
  const color = light ? 'white' : 'muted'
  return (
    <View className={`ev-meta${light ? ' ev-meta--light' : ''}`}>
      <View className='ev-meta__row'>
        <Icon name='time' size='xs' color={color} />
        <Text className='ev-meta__text'>{when(e)}</Text>
      </View>
      <View className='ev-meta__row'>
        <Icon name='location' size='xs' color={color} />
        <Text className='ev-meta__text'>{e.venue}</Text>
      </View>
      {extra ? (
        <View className='ev-meta__row'>
          <Icon name='home' size='xs' color={color} />
          <Text className='ev-meta__text'>{extra}</Text>
        </View>
      ) : null}
    </View>
  )
}
