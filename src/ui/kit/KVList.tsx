import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './KVList.scss'

export interface KVRow {
  label: string
  value: ReactNode
  /** Given to the value. */
  id?: string
}

/** Label on the left, value on the right; a long value wraps under itself, never into the label. */
export function KVList({ rows }: { rows: KVRow[] }) {
  return (
    <View className='kit-kv'>
      {rows.map((r, i) => (
        <View key={r.id ?? `${i}-${r.label}`} className='kit-kv__row'>
          <Text className='kit-kv__label'>{r.label}</Text>
          <View className='kit-kv__value' id={r.id}>
            {r.value}
          </View>
        </View>
      ))}
    </View>
  )
}
