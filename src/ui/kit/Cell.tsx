import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Icon } from './Icon'
import type { IconName } from './icons'
import { Img } from './Img'
import './Cell.scss'

export interface CellProps {
  title: ReactNode
  desc?: ReactNode
  /** Right side: a status chip, an amount, a count. */
  extra?: ReactNode
  icon?: IconName
  /** A photo id shown as a thumbnail; null shows the placeholder (with `icon` when given). */
  thumb?: string | null
  /** Default: shown when the cell can be tapped. */
  arrow?: boolean
  onClick?(): void
  id?: string
}

/** One row of a list: what it is, a line about it, and where tapping goes. */
export function Cell({ title, desc, extra, icon, thumb, arrow, onClick, id }: CellProps) {
  const tappable = onClick !== undefined
  return (
    <View id={id} className={`kit-cell${tappable ? ' kit-cell--tap' : ''}`} hoverClass={tappable ? 'kit-cell--pressed' : 'none'} onClick={onClick}>
      {thumb !== undefined ? (
        <Img src={thumb} size='thumb' icon={icon ?? 'photo'} className='kit-cell__thumb' />
      ) : icon ? (
        <View className='kit-cell__icon'>
          <Icon name={icon} size='m' />
        </View>
      ) : null}
      <View className='kit-cell__body'>
        {typeof title === 'string' ? <Text className='kit-cell__title'>{title}</Text> : <View className='kit-cell__title'>{title}</View>}
        {desc != null ? typeof desc === 'string' ? <Text className='kit-cell__desc'>{desc}</Text> : <View className='kit-cell__desc'>{desc}</View> : null}
      </View>
      {extra != null ? <View className='kit-cell__extra'>{extra}</View> : null}
      {(arrow ?? tappable) ? <Icon name='arrow-right' size='s' color='muted' className='kit-cell__arrow' /> : null}
    </View>
  )
}

/** Cells on one card, with an optional title above it. */
export function CellGroup({ title, children, id }: { title?: string; children?: ReactNode; id?: string }) {
  return (
    <View id={id} className='kit-cellgroup'>
      {title ? <Text className='kit-cellgroup__title'>{title}</Text> : null}
      <View className='kit-cellgroup__body'>{children}</View>
    </View>
  )
}
