import { Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Poster, invitePoster } from '../../../../services/event'
import { Button } from '../../../../ui/nut'
import { kindLabel, when } from '../../format'
import '../../event.scss'

/**
 * For Moments and printed notices. In WeChat the card shows the mini-program code, whose scene
 * is the invitation token; in H5 (no mini-program codes) it shows the link the code stands for.
 */
export default function PosterPage() {
  const { params } = useRouter()
  const [p, setP] = useState<Poster | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => {
    void invitePoster(params.id ?? '').then((r) => (r.ok ? setP(r.data) : setError(r.error)))
  })

  if (!p) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const link = process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${p.path}` : p.path
  return (
    <View className='page' id='poster-page'>
      <View className='ev-poster'>
        <Text className='ev-poster__kind'>{kindLabel(p.event)}</Text>
        <Text className='ev-poster__title'>{p.event.title}</Text>
        <Text className='hero-sub'>时间 {when(p.event)}</Text>
        <Text className='hero-sub'>地点 {p.event.venue}</Text>
        <View className='ev-poster__code'>
          {p.codeImage ? (
            <Image src={p.codeImage} style={{ width: '320px', height: '320px' }} showMenuByLongpress />
          ) : (
            <View id='poster-link'>
              <Text className='muted'>扫码或打开链接报名</Text>
              <Text className='ev-token' style={{ marginTop: '16px' }}>
                {link}
              </Text>
            </View>
          )}
          <Text className='muted'>邀请码</Text>
          <Text className='ev-poster__scene' id='poster-scene'>
            {p.token}
          </Text>
          <Text className='muted'>管家 {p.butlerName} 邀请你参加</Text>
        </View>
      </View>
      <Button className='btn-block' block type='primary' onClick={() => void Taro.setClipboardData({ data: link })}>
        复制报名链接
      </Button>
      <Text className='muted' style={{ display: 'block', marginTop: '16px' }}>
        {p.codeImage ? '长按小程序码保存图片，发朋友圈或打印张贴。' : '本地预览无法生成小程序码；部署到云开发后这里显示小程序码。'}
      </Text>
    </View>
  )
}
