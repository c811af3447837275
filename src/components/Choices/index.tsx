import { Text, View } from '@tarojs/components'
import './index.scss'

export interface Choice<T extends string> {
  value: T
  label: string
}

/**
 * One choice among options that do not fit a segmented control (suppliers, buildings, levels):
 * pills that wrap onto as many lines as they need. Each option has the id `${id}-${value}`; one
 * choice may be spread over several groups (by building, by level) sharing that prefix.
 */
export function Choices<T extends string>({ id, value, options, onChange }: { id: string; value: T | null; options: Choice<T>[]; onChange(v: T): void }) {
  return (
    <View className='choices'>
      {options.map((o) => (
        <Text key={o.value} id={`${id}-${o.value}`} className={`choices__item${o.value === value ? ' choices__item--on' : ''}`} onClick={() => onChange(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  )
}
