import { Text, View } from '@tarojs/components'
import { Icon } from './Icon'
import './Stepper.scss'

export interface StepperProps {
  value: number
  min: number
  max: number
  step?: number
  onChange(n: number): void
  /** Parts: `${id}-minus`, `${id}-value`, `${id}-plus`. */
  id?: string
  disabled?: boolean
}

/** A count chosen with large minus and plus buttons; it never leaves [min, max]. */
export function Stepper({ value, min, max, step = 1, onChange, id, disabled = false }: StepperProps) {
  const canDown = !disabled && value > min
  const canUp = !disabled && value < max
  const go = (n: number) => {
    const next = Math.min(max, Math.max(min, n))
    if (next !== value) onChange(next)
  }
  return (
    <View id={id} className={`kit-stepper${disabled ? ' kit-stepper--disabled' : ''}`}>
      <View
        id={id ? `${id}-minus` : undefined}
        className={`kit-stepper__btn${canDown ? '' : ' kit-stepper__btn--off'}`}
        onClick={() => {
          if (canDown) go(value - step)
        }}
      >
        <Icon name='minus' size='m' />
      </View>
      <Text id={id ? `${id}-value` : undefined} className='kit-stepper__value'>
        {value}
      </Text>
      <View
        id={id ? `${id}-plus` : undefined}
        className={`kit-stepper__btn${canUp ? '' : ' kit-stepper__btn--off'}`}
        onClick={() => {
          if (canUp) go(value + step)
        }}
      >
        <Icon name='add' size='m' />
      </View>
    </View>
  )
}
