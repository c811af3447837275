import { View } from '@tarojs/components'
import type { IconName } from './icons'
import './Icon.scss'

export type { IconName } from './icons'
export type IconSize = 'xs' | 's' | 'm' | 'l' | 'xl'
export type IconColor = 'primary' | 'accent' | 'danger' | 'info' | 'muted' | 'white' | 'text'

export interface IconProps {
  name: IconName
  /** Sizes follow the type scale and grow in 长辈模式. Default `m`. */
  size?: IconSize
  /** Without a colour the icon takes the colour of the text around it. */
  color?: IconColor
  className?: string
  id?: string
}

/**
 * An icon by meaning: a drawing used as a CSS mask over the text colour (kit-icons.scss for the
 * kit's own, nut-icons.scss for NutUI's), so it needs no font or image request in weapp or H5,
 * and the size comes from our classes.
 */
export function Icon({ name, size = 'm', color, className = '', id }: IconProps) {
  const cls = ['kit-icon', `kit-icon--${size}`, color ? `kit-icon--c-${color}` : '', 'kit-icon--mask', `kit-icon--${name}`, className].filter(Boolean).join(' ')
  return <View id={id} className={cls} />
}
