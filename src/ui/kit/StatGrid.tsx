import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './StatGrid.scss'

export interface StatItem {
  label: string
  value: ReactNode
  hint?: string
  tone?: 'default' | 'primary' | 'accent' | 'danger'
  /** Given to the value, which is what a test or a reader looks for. */
  id?: string
}

export interface StatGridProps {
  items: StatItem[]
  /** Default: 2 for two or four figures, otherwise 3. */
  columns?: 2 | 3 | 4
}

/** Figures with their labels, in a grid of equal cells. */
export function StatGrid({ items, columns }: StatGridProps) {
  const cols = columns ?? (items.length === 2 || items.length === 4 ? 2 : 3)
  return (
    <View className={`kit-stats kit-stats--c${cols}`}>
      {items.map((s, i) => (
        <View key={s.id ?? `${i}-${s.label}`} className={`kit-stat kit-stat--${s.tone ?? 'default'}`}>
          <View className='kit-stat__value' id={s.id}>
            {s.value}
          </View>
          <Text className='kit-stat__label'>{s.label}</Text>
          {s.hint ? <Text className='kit-stat__hint'>{s.hint}</Text> : null}
        </View>
      ))}
    </View>
  )
}
