import { Text, View } from '@tarojs/components'
import type { NoticeBlock } from '@contracts/message'
import { imgUrl, Img } from '../../../ui/kit'
import { previewPhotos } from '../../../components/PhotoPicker/preview'
import './NoticeBody.scss'

/** A notice's body as written: headings, paragraphs (line breaks kept) and photos that open full screen. */
export function NoticeBody({ blocks }: { blocks: NoticeBlock[] }) {
  const photos = blocks.flatMap((b) => (b.type === 'image' ? [b.photo] : []))
  const full = photos.map((p) => imgUrl(p, 'full'))
  return (
    <View className='notice-body'>
      {blocks.map((b, i) =>
        b.type === 'heading' ? (
          <Text key={i} className='notice-body__heading'>
            {b.text}
          </Text>
        ) : b.type === 'text' ? (
          <Text key={i} className='notice-body__text' userSelect>
            {b.text}
          </Text>
        ) : (
          <View key={i} className='notice-body__photo' onClick={() => previewPhotos(full, photos.indexOf(b.photo))}>
            <Img src={b.photo} size='cover' />
          </View>
        )
      )}
    </View>
  )
}
