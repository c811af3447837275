import { Image, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { copyShareLink, shareUrl } from '../../../../services/share'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Img, Notice, Price } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { deliveryText, minPrice, productIcon } from '../../../presale/format'
import '../../../presale/presale.scss'

/**
 * For Moments and printed notices. In WeChat the card carries a mini-program code whose scene is
 * the butler's invitation token (≤ 32 characters; the detail page turns it back into the campaign
 * and its community); H5 has no mini-program codes, so the card's link is copied instead.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const campaignId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.order.poster({ campaignId }), [campaignId], { enabled: campaignId !== '', reloadOnShow: false })

  // In WeChat the card's own path is what a chat or a printed link points at; in H5 it is this site.
  const copy = (path: string) => void copyShareLink(shareUrl(path) || path)

  return (
    <PageShell id='presale-poster' query={q}>
      {(p) => {
        const c = p.campaign
        const price = minPrice(c)
        return (
          <>
            <View className='ps-poster'>
              <Text className='ps-poster__brand'>邻里严选 · 社区预售</Text>
              <Text className='ps-poster__title'>{c.title}</Text>
              <Img src={c.cover} size='cover' icon={productIcon(c.productKind)} lazy={false} />
              <View className='ps-poster__card'>
                <View className='ps-price'>
                  <Price fen={price.priceFen} size='l' />
                  {price.originalFen > price.priceFen ? <Price fen={price.originalFen} size='s' original /> : null}
                  <Text className='ps-unit'>/{c.unit}</Text>
                </View>
                <Text className='ps-meta'>{c.threshold === null ? `${formatDateTime(c.endAt)} 截止` : `满 ${c.threshold} ${c.unit}成团，${formatDateTime(c.endAt)} 截止`}</Text>
                <Text className='ps-meta'>{deliveryText(c.delivery)}</Text>
                {p.codeImage ? (
                  <Image className='ps-poster__code' src={p.codeImage} showMenuByLongpress id='poster-code' />
                ) : (
                  <View className='ps-poster__none' id='poster-no-code'>
                    <Text>小程序码在微信云开发环境生成</Text>
                  </View>
                )}
                <Text className='ps-meta'>邀请码</Text>
                <Text className='ps-poster__token' id='poster-scene'>
                  {p.token}
                </Text>
                <Text className='ps-meta'>管家{p.butlerName}邀你一起拼</Text>
              </View>
            </View>
            <View style={{ height: '24px' }} />
            <Notice>{p.codeImage ? '长按小程序码保存图片，发朋友圈或打印张贴。' : '本地预览无法生成小程序码；部署到云开发后这里显示小程序码。可以先复制链接发给邻居。'}</Notice>
            <ButtonRow stacked>
              <Button id='poster-copy' type='primary' onClick={() => copy(p.path)}>
                复制预售链接
              </Button>
            </ButtonRow>
          </>
        )
      }}
    </PageShell>
  )
}
