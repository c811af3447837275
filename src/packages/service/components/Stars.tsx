import { View } from '@tarojs/components'
import { Icon } from '../../../ui/kit'

/** One to five stars: tappable when `onChange` is given, a read-only score otherwise. */
export function Stars({ id, value, onChange }: { id: string; value: number; onChange?: (n: number) => void }) {
  return (
    <View className='sv-stars'>
      {[1, 2, 3, 4, 5].map((n) => (
        <View key={n} id={`${id}-${n}`} className={`sv-star ${value >= n ? 'sv-star--on' : ''}`} onClick={onChange ? () => onChange(n) : undefined}>
          <Icon name={value >= n ? 'points' : 'star'} size={onChange ? 'l' : 's'} />
        </View>
      ))}
    </View>
  )
}
