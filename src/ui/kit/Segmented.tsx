import { ScrollView, Text, View } from '@tarojs/components'
import './Segmented.scss'

export interface SegmentedOption<T extends string> {
  value: T
  label: string
  /** A count shown beside the label (to do, unread); nothing when 0. */
  badge?: number
}

export interface SegmentedProps<T extends string> {
  id: string
  value: T
  options: SegmentedOption<T>[]
  onChange(v: T): void
}

/** Tabs inside a page (status filters, views), sharing the width and scrolling sideways when the labels do not fit; each option has the id `${id}-${value}`. */
export function Segmented<T extends string>({ id, value, options, onChange }: SegmentedProps<T>) {
  const items = options.map((o) => {
    const on = o.value === value
    return (
      <View
        key={o.value}
        id={`${id}-${o.value}`}
        className={`kit-seg__item${on ? ' kit-seg__item--on' : ''}`}
        onClick={() => {
          if (!on) onChange(o.value)
        }}
      >
        <Text className='kit-seg__label'>{o.label}</Text>
        {o.badge ? <Text className='kit-seg__badge'>{o.badge > 99 ? '99+' : o.badge}</Text> : null}
      </View>
    )
  })
  return (
    <ScrollView id={id} className='kit-seg' scrollX enableFlex>
      {items}
    </ScrollView>
  )
}
