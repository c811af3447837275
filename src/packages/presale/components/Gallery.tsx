import { Swiper, SwiperItem, View } from '@tarojs/components'
import { Img } from '../../../ui/kit'

/** The campaign's photos, cover first: one fills the width; several are swiped. */
export function Gallery({ photos, icon }: { photos: string[]; icon: 'store' | 'cleaning' }) {
  if (photos.length <= 1) {
    return (
      <View className='ps-cover' id='campaign-photos'>
        <Img src={photos[0]} size='cover' icon={icon} lazy={false} />
      </View>
    )
  }
  return (
    <Swiper className='ps-gallery' id='campaign-photos' indicatorDots indicatorActiveColor='#ffffff' circular>
      {photos.map((p, i) => (
        <SwiperItem key={p}>
          <Img src={p} size='cover' icon={icon} lazy={i > 0} />
        </SwiperItem>
      ))}
    </Swiper>
  )
}
