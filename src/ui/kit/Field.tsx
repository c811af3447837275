import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Field.scss'

export interface FieldProps {
  label: string
  required?: boolean
  /** Shown under the control, in place of the hint. */
  error?: string
  hint?: string
  /** The error gets `${id}-error`. */
  id?: string
  children?: ReactNode
}

/** One form row: its label, the control, and what is wrong with it right there. */
export function Field({ label, required = false, error, hint, id, children }: FieldProps) {
  return (
    <View id={id} className={`kit-field${error ? ' kit-field--error' : ''}`}>
      <View className='kit-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='kit-field__required'>*</Text> : null}
      </View>
      <View className='kit-field__control'>{children}</View>
      {error ? (
        <Text id={id ? `${id}-error` : undefined} className='kit-field__error'>
          {error}
        </Text>
      ) : hint ? (
        <Text className='kit-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
