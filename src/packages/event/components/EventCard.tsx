import { Text, View } from '@tarojs/components'
import type { EventView } from '../../../services/event'
import { PHASE_LABELS, kindLabel, when } from '../format'

/** One event in a list: kind, phase, time, place and the seat bar. */
export function EventCard({ e, onClick, extra }: { e: EventView; onClick?: () => void; extra?: React.ReactNode }) {
  const pct = Math.min(100, Math.round((e.confirmed / e.capacity) * 100))
  const full = e.confirmed >= e.capacity
  return (
    <View className='card ev-card' id={`event-${e.id}`} onClick={onClick}>
      <View className='ev-card__top'>
        <Text className='badge'>{kindLabel(e)}</Text>
        <Text className={`ev-status ev-status--${e.phase}`}>{PHASE_LABELS[e.phase]}</Text>
      </View>
      <Text className='ev-card__title'>{e.title}</Text>
      <Text className='ev-meta'>时间 {when(e)}</Text>
      <Text className='ev-meta'>地点 {e.venue}</Text>
      <View className='ev-seats'>
        <Text>
          已报 {e.confirmed}/{e.capacity}
          {e.waiting > 0 ? ` · 候补 ${e.waiting} 人` : ''}
        </Text>
        <Text>{full ? '名额已满，可候补' : `剩余 ${e.capacity - e.confirmed} 席`}</Text>
      </View>
      <View className='ev-bar'>
        <View className={`ev-bar__fill ${full ? 'ev-bar__fill--full' : ''}`} style={{ width: `${pct}%` }} />
      </View>
      {extra}
    </View>
  )
}
