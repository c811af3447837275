import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { Notice, Section } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { DoorList } from '../../components/DoorList'
import { PassQr } from '../../components/PassQr'
import { PassStatusBadge } from '../../components/PassStatusBadge'
import { usePassCodes } from '../../components/use-pass-codes'
import '../../access.scss'

const ENDED: Record<string, string> = {
  revoked: '这张通行证已被邀请人撤销',
  expired: '这张通行证已过期',
  used_up: '这张通行证的通行次数已用完'
}

/**
 * Opened from the share card. The visitor needs no account: the token in the path is the
 * authority and WeChat says who they are. The page shows where they may go, never who invited
 * them or which flat.
 */
export default function VisitorPage() {
  const { params } = useRouter()
  const token = decodeURIComponent(params.t ?? '')
  const { q, more } = usePassCodes(() => api.access.visitorPass({ token }), [token], token !== '')

  return (
    <PageShell id='visitor-page' query={q}>
      {(pass) => {
      const d = pass.data
      const notStarted = d.status === 'active' && d.codes.length === 0 && d.viewer === 'visitor'
      return (
        <>
      <View className='hero'>
        <Text className='hero-title'>{d.communityName}</Text>
        <Text className='hero-sub'>访客 {d.visitorName} · 前往 {d.destination}</Text>
        <Text className='hero-pill'>
          {formatDateTime(d.validFrom)} 至 {formatDateTime(d.validTo)}
        </Text>
      </View>
      {d.viewer === 'host' ? (
        <View className='card' id='visitor-host-note'>
          <Text className='section-title'>这是你发出的访客通行证</Text>
          <Text className='muted'>请把卡片发给访客；访客打开后即可出示通行码。为防转发滥用，通行码只在访客本人的微信里显示。</Text>
        </View>
      ) : null}
      {d.viewer === 'visitor' && d.codes.length > 0 ? (
        <View className='card pass-card'>
          <PassQr batch={d} receivedAt={pass.receivedAt} busy={q.refreshing} onLow={more} onRefresh={() => void q.reload()} />
          <Text className='pass-note' id='visitor-uses-left'>
            还可通行 {d.usesLeft} 次 · 每个码只能用一次
          </Text>
        </View>
      ) : null}
      {notStarted ? (
        <View className='card' id='visitor-not-started'>
          <Notice tone='info'>通行证将于 {formatDateTime(d.validFrom)} 生效，届时打开本页即可出示通行码</Notice>
        </View>
      ) : null}
      {d.status !== 'active' ? (
        <View className='card' id='visitor-ended'>
          <View className='item-head'>
            <Text className='item-title'>{ENDED[d.status] ?? ''}</Text>
            <PassStatusBadge status={d.status} />
          </View>
          <Text className='item-line'>如仍需到访，请联系邀请你的住户重新邀请。</Text>
        </View>
      ) : null}
      <Section title='可通行的门'>
        <DoorList doors={d.doors} />
        {d.plate ? <Text className='item-line'>已登记车牌 {d.plate}</Text> : null}
        </Section>
        </>
      )
      }}
    </PageShell>
  )
}
