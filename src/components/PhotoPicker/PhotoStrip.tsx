import { Image, View } from '@tarojs/components'
import { previewPhotos } from './preview'
import './index.scss'

/** Stored photos as a row of thumbnails; a tap opens them full screen. Nothing when there are none. */
export function PhotoStrip(props: { id: string; ids: readonly string[]; srcOf: (id: string) => string; small?: boolean }) {
  if (props.ids.length === 0) return null
  const urls = props.ids.map(props.srcOf)
  return (
    <View className='photo-strip' id={props.id}>
      {urls.map((src, i) => (
        <Image
          key={props.ids[i]}
          className={`photo-strip__img ${props.small ? 'photo-strip__img--small' : ''}`}
          src={src}
          mode='aspectFill'
          onClick={() => previewPhotos(urls, i)}
        />
      ))}
    </View>
  )
}
