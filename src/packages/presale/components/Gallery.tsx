import { ScrollView, View } from '@tarojs/components'
import { useState } from 'react'
import { type IconName, Img } from '../../../ui/kit'

/**
 * The campaign's photos, cover first: one fills the width; several page sideways with dots.
 * A paging scroll view rather than Taro's Swiper: this gallery was Swiper's only user, yet on H5
 * it puts the Swiper library into every page's chunk (and a template into the weapp base).
 */
export function Gallery({ photos, icon }: { photos: string[]; icon: IconName }) {
  const [shown, setShown] = useState(0)
  if (photos.length <= 1) {
    return (
      <View className='ps-cover' id='campaign-photos'>
        <Img src={photos[0]} size='cover' icon={icon} lazy={false} />
      </View>
    )
  }
  return (
    <View className='ps-gallery' id='campaign-photos'>
      <ScrollView
        className='ps-gallery__track'
        scrollX
        enableFlex
        enhanced
        pagingEnabled
        showScrollbar={false}
        onScroll={(e) => setShown(Math.min(photos.length - 1, Math.max(0, Math.round((e.detail.scrollLeft / e.detail.scrollWidth) * photos.length))))}
      >
        {photos.map((p, i) => (
          <View key={p} className='ps-gallery__slide'>
            <Img src={p} size='cover' icon={icon} lazy={i > 0} />
          </View>
        ))}
      </ScrollView>
      <View className='ps-gallery__dots'>
        {photos.map((p, i) => (
          <View key={p} className={`ps-gallery__dot ${i === shown ? 'ps-gallery__dot--on' : ''}`} />
        ))}
      </View>
    </View>
  )
}
