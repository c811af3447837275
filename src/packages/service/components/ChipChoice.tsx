import { Text, View } from '@tarojs/components'
import type { Choice } from '../../../components/Choices'

/** One choice as the service pages' chips; each chip has the id `${id}-${value}`. */
export function ChipChoice<T extends string>({ id, value, options, onChange, spaced = false }: { id: string; value: T | null; options: Choice<T>[]; onChange(v: T): void; spaced?: boolean }) {
  return (
    <View className={spaced ? 'sv-choice sv-choice--spaced' : 'sv-choice'}>
      {options.map((o) => (
        <Text key={o.value} id={`${id}-${o.value}`} className={`sv-chip ${value === o.value ? 'sv-chip--on' : ''}`} onClick={() => onChange(o.value)}>
          {o.label}
        </Text>
      ))}
    </View>
  )
}
