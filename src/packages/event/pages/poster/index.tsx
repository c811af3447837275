import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { QrImage } from '../../../../components/QrImage'
import { copyShareLink, shareUrl } from '../../../../services/share'
import { ButtonRow, Img } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { kindLabel } from '../../format'
import '../../event.scss'

/**
 * For Moments and printed notices. In WeChat the card shows the mini-program code, whose scene
 * is the invitation token; in H5 (no mini-program codes) a QR code of the link it stands for.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const eventId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.event.invitePoster({ eventId }), [eventId], { enabled: eventId !== '' })
  return (
    <PageShell id='poster-page' query={q}>
      {(p) => {
        const link = shareUrl(p.path)
        return (
          <>
            <View className='ev-poster'>
              {p.event.cover ? <Img src={p.event.cover} size='card' icon='event' className='ev-poster__cover' lazy={false} /> : null}
              <Text className='ev-poster__kind'>{kindLabel(p.event)}</Text>
              <Text className='ev-poster__title'>{p.event.title}</Text>
              <EventMeta e={p.event} light />
              <View className='ev-poster__code'>
                {p.codeImage ? (
                  <Image src={p.codeImage} className='ev-poster__img' showMenuByLongpress />
                ) : (
                  <View id='poster-link' className='ev-poster__qr'>
                    <QrImage text={link} size={320} id='poster-qr' />
                  </View>
                )}
                <Text className='ev-hint'>扫码查看活动并报名</Text>
                <Text className='ev-hint'>邀请码</Text>
                <Text className='ev-poster__scene' id='poster-scene'>
                  {p.token}
                </Text>
                <Text className='ev-hint'>管家 {p.butlerName} 邀请你参加</Text>
              </View>
            </View>
            {link ? (
              <ButtonRow stacked>
                <Button type='primary' id='poster-copy' onClick={() => void copyShareLink(link)}>
                  复制报名链接
                </Button>
              </ButtonRow>
            ) : null}
            <Text className='ev-hint ev-poster__note'>
              {p.codeImage ? '长按小程序码保存图片，发朋友圈或打印张贴。' : '截图保存海报，发朋友圈或打印张贴；在微信里打开时这里显示小程序码。'}
            </Text>
          </>
        )
      }}
    </PageShell>
  )
}
