import { Text, View } from '@tarojs/components'
import { Chip, Img } from '../../../ui/kit'
import { PHASE_LABELS, PHASE_TONES, kindLabel } from '../format'
import type { EventView } from '../types'
import { EventMeta } from './EventMeta'

/** One event in a list: its cover, kind, phase, time, place and the seat bar. */
export function EventCard({ e, onClick }: { e: EventView; onClick?: () => void }) {
  const pct = Math.min(100, Math.round((e.confirmed / e.capacity) * 100))
  const full = e.confirmed >= e.capacity
  return (
    <View className='card ev-card' id={`event-${e.id}`} onClick={onClick}>
      <Img src={e.cover} size='card' icon='event' className='ev-card__cover' />
      <View className='ev-card__chips'>
        <Chip text={kindLabel(e)} />
        <Chip text={PHASE_LABELS[e.phase]} tone={PHASE_TONES[e.phase]} />
      </View>
      <Text className='ev-card__title'>{e.title}</Text>
      <EventMeta e={e} />
      <View className='ev-seats'>
        <Text>
          已报 {e.confirmed}/{e.capacity}
          {e.waiting > 0 ? `，候补 ${e.waiting} 人` : ''}
        </Text>
        <Text className={full ? 'ev-seats__full' : ''}>{full ? '名额已满，可候补' : `剩余 ${e.capacity - e.confirmed} 席`}</Text>
      </View>
      <View className='ev-bar'>
        <View className={`ev-bar__fill ${full ? 'ev-bar__fill--full' : ''}`} style={{ width: `${pct}%` }} />
      </View>
    </View>
  )
}
