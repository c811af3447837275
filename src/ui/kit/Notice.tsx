import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Icon } from './Icon'
import type { IconName } from './icons'
import './Notice.scss'

export type NoticeTone = 'info' | 'success' | 'warning' | 'danger'

const ICON: Record<NoticeTone, IconName> = { info: 'info', success: 'success', warning: 'warning', danger: 'warning' }

/** A block of text the person should read before going on: what happened, what to expect. */
export function Notice({ tone = 'info', children, id }: { tone?: NoticeTone; children?: ReactNode; id?: string }) {
  return (
    <View id={id} className={`kit-notice kit-notice--${tone}`}>
      <Icon name={ICON[tone]} size='s' className='kit-notice__icon' />
      <View className='kit-notice__body'>{children}</View>
    </View>
  )
}
