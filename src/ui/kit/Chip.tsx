import { Text } from '@tarojs/components'
import './Chip.scss'

export type Tone = 'default' | 'primary' | 'accent' | 'danger' | 'info' | 'muted'

/** A status or a tag: short text on a soft background of its tone. */
export function Chip({ text, tone = 'default', id }: { text: string; tone?: Tone; id?: string }) {
  return (
    <Text id={id} className={`kit-chip kit-chip--${tone}`}>
      {text}
    </Text>
  )
}
