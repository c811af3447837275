import { View } from '@tarojs/components'
import { Input, TextArea } from '../../ui/form'
import './index.scss'

/**
 * A text field's box: one line (text, whole numbers, or amounts with a decimal point) or, with
 * `multiline`, several. Inside a kit `Field` its border turns red with the field's error.
 */
export function TextBox(props: {
  id: string
  value: string
  onChange(v: string): void
  placeholder?: string
  maxLength?: number
  type?: 'text' | 'number' | 'digit'
  multiline?: boolean
}) {
  return (
    <View className='text-box'>
      {props.multiline ? (
        <TextArea id={props.id} value={props.value} maxLength={props.maxLength ?? 1000} placeholder={props.placeholder ?? ''} onChange={(v: string) => props.onChange(v)} />
      ) : (
        <Input
          id={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          maxLength={props.maxLength ?? 140}
          placeholder={props.placeholder ?? ''}
          onChange={(v: string) => props.onChange(v)}
        />
      )}
    </View>
  )
}
