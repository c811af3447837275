import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Section.scss'

export interface SectionProps {
  title?: ReactNode
  /** Right side of the header: a link, a count, a small button. */
  extra?: ReactNode
  id?: string
  className?: string
  children?: ReactNode
}

/** A card with an optional header. */
export function Section({ title, extra, id, className = '', children }: SectionProps) {
  const head = title != null || extra != null
  return (
    <View id={id} className={`kit-section ${className}`}>
      {head ? (
        <View className='kit-section__head'>
          {typeof title === 'string' ? <Text className='kit-section__title'>{title}</Text> : <View className='kit-section__title'>{title}</View>}
          {extra != null ? <View className='kit-section__extra'>{extra}</View> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}
