import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import { api, currentMe } from '../../../../client'
import { Chip, Icon, type IconName, Notice, Section } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { PassQr } from '../../components/PassQr'
import { keepScreenOn } from '../../components/screen'
import '../../access.scss'

const LINKS: { id: string; title: string; icon: IconName; page: string }[] = [
  { id: 'go-visitor-invite', title: '邀请访客', icon: 'visitor', page: '/packages/access/pages/invite/index' },
  { id: 'go-visitors', title: '我的访客', icon: 'team', page: '/packages/access/pages/visitors/index' },
  { id: 'go-access-log', title: '通行记录', icon: 'time', page: '/packages/access/pages/log/index' }
]

export default function PassPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  // Codes expire on the phone's own timeline: remember when this batch arrived.
  const q = useQuery(
    async () => {
      const r = await api.access.residentPass({ householdId }, communityId ? { communityId } : {})
      return r.ok ? { ok: true as const, data: { data: r.data, receivedAt: Date.now() } } : r
    },
    [householdId, communityId],
    { enabled: householdId !== '' }
  )

  // A pass page left under another page asks for no new codes; it reloads when shown again.
  const shown = useRef(false)
  useDidShow(() => {
    shown.current = true
    keepScreenOn(true)
  })
  useDidHide(() => {
    shown.current = false
    keepScreenOn(false)
  })
  const more = () => {
    if (shown.current) void q.reload()
  }
  const go = (url: string) => () => void Taro.navigateTo({ url: `${url}?householdId=${householdId}&communityId=${communityId}` })

  return (
    <PageShell id='pass-page' query={q}>
      {(pass) => {
        const d = pass.data
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>{d.communityName}</Text>
              <Text className='hero-sub'>{d.householdLabel} · 住户通行码</Text>
            </View>
            <View className='card pass-card'>
              <PassQr batch={d} receivedAt={pass.receivedAt} busy={q.refreshing} onLow={more} onRefresh={() => void q.reload()} />
              {q.error ? <Notice tone='danger'>{q.error.message}</Notice> : null}
              <Text className='pass-note'>对准闸机扫码口即可开门 · 每个码限用一次</Text>
            </View>
            <View className='links'>
              {LINKS.map((l) => (
                <View key={l.id} className='links__item' id={l.id} onClick={go(l.page)}>
                  <View className='links__icon'>
                    <Icon name={l.icon} size='l' color='primary' />
                  </View>
                  <Text>{l.title}</Text>
                </View>
              ))}
            </View>
            <Section title='可通行的门' id='pass-doors'>
              {d.doors.length === 0 ? <EmptyState title='社区还没有登记门禁设备' hint='物业登记门禁后，这里会列出你能通行的门' /> : null}
              {d.doors.map((door) => (
                <View key={`${door.gateId}-${door.doorId}`} className='door'>
                  <Text>{door.name}</Text>
                  <Chip text={door.vehicle ? '车行' : '人行'} tone={door.vehicle ? 'info' : 'primary'} />
                </View>
              ))}
            </Section>
          </>
        )
      }}
    </PageShell>
  )
}
