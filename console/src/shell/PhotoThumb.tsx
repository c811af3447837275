import { ImageIcon } from 'tdesign-icons-react'
import { usePhotoUrls } from './use-photo-urls'

/**
 * One staff-uploaded photo at a fixed size (cropped to fill), or a quiet picture mark where there
 * is none, so rows line up either way. Fetched at twice the size for sharp screens.
 */
export function PhotoThumb({ id, size = 48, alt, className }: { id: string | null; size?: number; alt: string; className?: string }) {
  const urls = usePhotoUrls(id ? [id] : [], size * 2)
  const url = id ? urls.get(id) : undefined
  const style = { width: size, height: size }
  return url ? (
    <img className={`thumb ${className ?? ''}`} style={style} src={url} alt={alt} loading='lazy' />
  ) : (
    <span className={`thumb thumb--none ${className ?? ''}`} style={style} role='img' aria-label={id ? alt : `${alt}（无图片）`}>
      <ImageIcon size={`${Math.round(size * 0.42)}px`} />
    </span>
  )
}
