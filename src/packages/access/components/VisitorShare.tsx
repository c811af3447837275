import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { type VisitorPass, visitorPath } from '../../../services/access'
import { Button } from '../../../ui/nut'
import { formatDateTime } from '../../../utils/time'

/** The H5 build has no share cards: the same path is offered as a link to copy. */
export function shareLink(token: string): string {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${visitorPath(token)}` : ''
}

/** After an invitation is made: what it allows, and the share card (weapp) or link (H5). */
export function VisitorShare(props: { pass: VisitorPass; communityName: string; onAnother: () => void }) {
  const p = props.pass
  const link = shareLink(p.token)
  return (
    <View className='page' id='visitor-created'>
      <View className='hero'>
        <Text className='hero-title'>通行证已生成</Text>
        <Text className='hero-sub'>
          {props.communityName} · 访客 {p.visitorName}
        </Text>
      </View>
      <View className='card'>
        <View className='list-item'>
          <Text>有效期</Text>
          <Text className='muted'>
            {formatDateTime(p.validFrom)} 至 {formatDateTime(p.validTo)}
          </Text>
        </View>
        <View className='list-item'>
          <Text>可通行</Text>
          <Text className='muted'>{p.maxUses} 次</Text>
        </View>
        {p.plate ? (
          <View className='list-item'>
            <Text>车牌</Text>
            <Text className='muted'>{p.plate}</Text>
          </View>
        ) : null}
        {process.env.TARO_ENV === 'weapp' ? (
          <View className='spaced'>
            <Button type='primary' block openType='share' id='visitor-share'>
              发送给访客（微信）
            </Button>
          </View>
        ) : (
          <View>
            <Text className='share-link' id='visitor-link'>
              {link}
            </Text>
            <View className='spaced'>
              <Button type='primary' block id='visitor-copy' onClick={() => void Taro.setClipboardData({ data: link })}>
                复制访客链接
              </Button>
            </View>
          </View>
        )}
        <View className='spaced'>
          <Button fill='outline' type='primary' block id='visitor-another' onClick={props.onAnother}>
            再邀请一位
          </Button>
        </View>
      </View>
      <Text className='pass-note'>访客首次打开卡片后，这张通行证只归 TA 使用；转发给别人无效。你可以在「我的访客」中随时撤销。</Text>
    </View>
  )
}
