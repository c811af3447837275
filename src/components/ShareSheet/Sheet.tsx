import { Text, View } from '@tarojs/components'
import { type ShareContent, copyShareLink, shareUrl } from '../../services/share'
import { Icon, Img } from '../../ui/kit'
import { Button } from '../../ui/nut'
import { QrImage } from '../QrImage'
import './index.scss'

/**
 * The H5 share sheet: what a WeChat chat card would show (cover, title, a line or two), then the
 * two ways to pass it on from a browser: the link to copy, and a QR code to scan or screenshot.
 */
export function ShareSheet({ content, onClose }: { content: ShareContent; onClose: () => void }) {
  const url = shareUrl(content.path)
  return (
    <View className='share-sheet' id='share-sheet'>
      <View className='share-sheet__mask' id='share-sheet-mask' onClick={onClose} />
      <View className='share-sheet__panel' role='dialog' aria-label='分享'>
        <View className='share-sheet__head'>
          <Text className='share-sheet__heading'>分享给邻居</Text>
          <View className='share-sheet__close' id='share-sheet-close' onClick={onClose} aria-label='关闭'>
            <Icon name='close' size='s' color='muted' />
          </View>
        </View>
        <View className='share-sheet__card' id='share-sheet-card'>
          {content.image ? <Img src={content.image} size='card' className='share-sheet__cover' /> : null}
          <View className='share-sheet__body'>
            <Text className='share-sheet__title'>{content.title}</Text>
            {content.description ? <Text className='share-sheet__desc'>{content.description}</Text> : null}
            <View className='share-sheet__brand'>
              <Icon name='home' size='xs' color='primary' />
              <Text>邻里 · 社区生活服务</Text>
            </View>
          </View>
        </View>
        <View className='share-sheet__qr'>
          <QrImage text={url} size={320} id='share-sheet-qr' />
          <Text className='share-sheet__hint'>微信扫一扫打开，或截图发给邻居</Text>
        </View>
        <Text className='share-sheet__link' id='share-sheet-link' selectable>
          {url}
        </Text>
        <Button type='primary' block id='share-sheet-copy' onClick={() => void copyShareLink(url)}>
          复制链接
        </Button>
      </View>
    </View>
  )
}
