import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Poster, campaignPoster } from '../../../../services/order'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ProductArt, deliveryText, minPrice } from '../../../presale/ui'
import '../../../presale/presale.scss'

/**
 * For Moments and printed notices. In WeChat the card carries a mini-program code whose scene is
 * the butler's invitation token (≤ 32 characters); H5 has no mini-program codes and shows the link.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const [p, setP] = useState<Poster | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => {
    void campaignPoster(params.id ?? '').then((r) => (r.ok ? setP(r.data) : setError(r.error)))
  })

  if (!p) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const c = p.campaign
  const price = minPrice(c)
  const link = process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${p.path}` : p.path
  return (
    <View className='page' id='presale-poster'>
      <View className='ps-poster'>
        <Text className='hero-sub'>邻里严选 · 社区预售</Text>
        <Text className='ps-poster__title'>{c.title}</Text>
        <View className='row' style={{ justifyContent: 'center', gap: '24px' }}>
          <ProductArt name={c.productName} images={c.images} size={200} />
        </View>
        <View className='ps-poster__card'>
          <View className='ps-card__price'>
            <Price fen={price.priceFen} size='l' />
            {price.originalFen > price.priceFen ? <Price fen={price.originalFen} size='s' original /> : null}
          </View>
          <Text className='muted' style={{ margin: '8px 0 24px' }}>
            {c.threshold === null ? '' : `满 ${c.threshold} ${c.unit}成团 · `}
            {formatDateTime(c.endAt)} 截止 · {deliveryText(c.delivery)}
          </Text>
          {p.codeImage ? (
            <Image src={p.codeImage} style={{ width: '280px', height: '280px' }} showMenuByLongpress />
          ) : (
            <View className='ps-code-placeholder' id='poster-no-code'>
              <Text>小程序码在微信云开发环境生成</Text>
            </View>
          )}
          <Text className='muted' style={{ marginTop: '16px' }}>
            邀请码
          </Text>
          <Text className='ps-poster__scene' id='poster-scene'>
            {p.token}
          </Text>
          <Text className='muted'>管家 {p.butlerName} 邀你一起拼</Text>
        </View>
      </View>
      {!p.codeImage ? (
        <Text className='ps-token' style={{ marginTop: '24px' }} id='poster-link'>
          {link}
        </Text>
      ) : null}
      <Button className='btn-block' block type='primary' onClick={() => void Taro.setClipboardData({ data: link })}>
        复制预售链接
      </Button>
      <Text className='muted' style={{ display: 'block', marginTop: '16px' }}>
        {p.codeImage ? '长按小程序码保存图片，发朋友圈或打印张贴。' : '本地预览无法生成小程序码；部署到云开发后这里显示小程序码。'}
      </Text>
    </View>
  )
}
