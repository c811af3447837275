import { View } from '@tarojs/components'
import '../icon-tag'
import { type IconName, NUT_ICONS, isNutIcon } from './icons'

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
 * An icon by meaning. NutUI draws its icons as a CSS mask over the text colour (no icon font to
 * load, in weapp or H5); the size comes from our classes, not from NutUI's 16 px default.
 */
export function Icon({ name, size = 'm', color, className = '', id }: IconProps) {
  const cls = ['kit-icon', `kit-icon--${size}`, color ? `kit-icon--c-${color}` : '', className].filter(Boolean).join(' ')
  if (isNutIcon(name)) {
    const Drawn = NUT_ICONS[name]
    // NutUI's icon takes no id: a wrapper carries it when asked for.
    const drawn = <Drawn className={cls} />
    return id ? (
      <View id={id} className='kit-icon-box'>
        {drawn}
      </View>
    ) : (
      drawn
    )
  }
  return <View id={id} className={`${cls} kit-icon--own kit-icon--${name}`} />
}
