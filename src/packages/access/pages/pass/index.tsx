import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../../client'
import { Icon, type IconName, Notice, Section } from '../../../../ui/kit'
import { EmptyState, PageShell } from '../../../../ui/shell'
import { DoorList } from '../../components/DoorList'
import { PassQr } from '../../components/PassQr'
import { usePassCodes } from '../../components/use-pass-codes'
import { useAccessHousehold } from '../../components/use-household'
import '../../access.scss'

const LINKS: { id: string; title: string; icon: IconName; page: string }[] = [
  { id: 'go-visitor-invite', title: '邀请访客', icon: 'visitor', page: '/packages/access/pages/invite/index' },
  { id: 'go-visitors', title: '我的访客', icon: 'team', page: '/packages/access/pages/visitors/index' },
  { id: 'go-access-log', title: '通行记录', icon: 'time', page: '/packages/access/pages/log/index' }
]

export default function PassPage() {
  const { householdId, communityId } = useAccessHousehold()
  const { q, more } = usePassCodes(() => api.access.residentPass({ householdId }, communityId ? { communityId } : {}), [householdId, communityId], householdId !== '')
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
              <DoorList doors={d.doors} />
            </Section>
          </>
        )
      }}
    </PageShell>
  )
}
