import { Image, View } from '@tarojs/components'
import { useState } from 'react'
import { photoUrl } from '../../client'
import { Icon } from './Icon'
import type { IconName } from './icons'
import './Img.scss'

export type ImgSize = 'thumb' | 'card' | 'cover' | 'full'

/**
 * Pixel widths asked of the server per size (about 3x the drawn width, for sharp phones); `full`
 * is the original. Only the local server resizes (`/uploads/<name>?w=`). In WeChat a CloudBase
 * `cloud://` id is drawn as it is: CloudBase's resizing parameters work only on an https
 * temporary URL, which would cost a getTempFileURL round trip per list and expires, while the
 * photos themselves are already compressed on upload.
 */
const WIDTH: Record<ImgSize, number | null> = { thumb: 240, card: 720, cover: 1080, full: null }

/** The URL to draw a photo id at a size. */
export function imgUrl(id: string, size: ImgSize): string {
  const url = photoUrl(id)
  const w = WIDTH[size]
  if (w === null || !url.startsWith('/uploads/')) return url
  return `${url}${url.includes('?') ? '&' : '?'}w=${w}`
}

export interface ImgProps {
  /** A photo id (`cloud://...` in WeChat, `local:<name>` in H5); empty shows the placeholder. */
  src: string | null | undefined
  size: 'thumb' | 'card' | 'cover' | 'full'
  /** Drawn in the placeholder. Default `photo`. */
  icon?: IconName
  className?: string
  id?: string
  /** Load only when scrolled near. Default true. */
  lazy?: boolean
}

type Phase = 'loading' | 'loaded' | 'failed'

/** A photo with a placeholder while it loads, when it fails and when there is none. */
export function Img({ src, size, icon = 'photo', className = '', id, lazy = true }: ImgProps) {
  const url = src ? imgUrl(src, size) : null
  // The phase belongs to one URL: a new src starts loading again without an effect's extra render.
  const [state, setState] = useState<{ url: string | null; phase: Phase }>({ url, phase: 'loading' })
  const phase: Phase = state.url === url ? state.phase : 'loading'
  const setPhase = (p: Phase) => setState({ url, phase: p })
  const shown = url !== null && phase === 'loaded'
  return (
    <View id={id} className={`kit-img kit-img--${size}${shown ? ' kit-img--loaded' : ''}${phase === 'failed' ? ' kit-img--failed' : ''} ${className}`}>
      {shown ? null : (
        <View className='kit-img__placeholder'>
          <Icon name={icon} size={size === 'thumb' ? 'm' : 'l'} color='muted' />
        </View>
      )}
      {url !== null && phase !== 'failed' ? (
        <Image
          className={`kit-img__img${shown ? '' : ' kit-img__img--pending'}`}
          src={url}
          mode={size === 'full' ? 'widthFix' : 'aspectFill'}
          lazyLoad={lazy}
          onLoad={() => setPhase('loaded')}
          onError={() => setPhase('failed')}
        />
      ) : null}
    </View>
  )
}
