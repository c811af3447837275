import { Text, View } from '@tarojs/components'
import type { OutputOf } from '@contracts/registry'
import { QrImage } from '../../../components/QrImage'
import { ShareButton } from '../../../components/ShareSheet'
import { visitorPath } from '../../../services/access'
import { type ShareContent, copyShareLink, shareUrl } from '../../../services/share'
import { Button } from '../../../ui/nut'
import { ButtonRow, KVList, Notice, Section } from '../../../ui/kit'
import { formatDateTime } from '../../../utils/time'

export type VisitorPass = OutputOf<'access.createVisitorPass'>

/** The card a visitor receives: who is invited and when, never the host's name or door number. */
export function visitorShare(p: Pick<VisitorPass, 'token' | 'visitorName' | 'validFrom' | 'validTo'>, communityId: string, communityName: string): ShareContent {
  return {
    title: `${p.visitorName}，邀请你到访${communityName}`,
    path: visitorPath(p.token, communityId),
    description: `${formatDateTime(p.validFrom)} 至 ${formatDateTime(p.validTo)} 有效，打开即可获得通行码`
  }
}

/**
 * After an invitation is made: what it allows, and how to pass it on: the WeChat share card, or
 * in H5 the link with a copy button and its QR code, shown right here so nothing is a tap away.
 */
export function VisitorShare(props: { pass: VisitorPass; communityId: string; communityName: string; onAnother: () => void }) {
  const p = props.pass
  const content = visitorShare(p, props.communityId, props.communityName)
  const url = shareUrl(content.path)
  return (
    <View id='visitor-created'>
      <View className='hero'>
        <Text className='hero-title'>通行证已生成</Text>
        <Text className='hero-sub'>
          {props.communityName} · 访客 {p.visitorName}
        </Text>
      </View>
      <Section>
        <KVList
          rows={[
            { label: '生效', value: <Text>{formatDateTime(p.validFrom)}</Text> },
            { label: '失效', value: <Text>{formatDateTime(p.validTo)}</Text> },
            { label: '可通行', value: <Text>{p.maxUses} 次</Text> },
            ...(p.plate ? [{ label: '车牌', value: <Text>{p.plate}</Text> }] : [])
          ]}
        />
        {process.env.TARO_ENV === 'h5' ? (
          <View className='visitor-share'>
            <QrImage text={url} size={320} id='visitor-qr' />
            <Text className='visitor-share__hint'>访客用微信扫码即可打开，也可以复制链接发给 TA</Text>
            <Text className='share-link' id='visitor-link' userSelect>
              {url}
            </Text>
          </View>
        ) : null}
        <ButtonRow stacked>
          {process.env.TARO_ENV === 'h5' ? (
            <Button type='primary' block id='visitor-copy' onClick={() => void copyShareLink(url)}>
              复制访客链接
            </Button>
          ) : (
            <ShareButton content={content} text='发送给访客（微信）' id='visitor-share' />
          )}
          <Button fill='outline' type='primary' block id='visitor-another' onClick={props.onAnother}>
            再邀请一位
          </Button>
        </ButtonRow>
      </Section>
      <Notice>访客首次打开卡片后，这张通行证只归 TA 使用；转发给别人无效。你可以在「我的访客」中随时撤销。</Notice>
    </View>
  )
}
