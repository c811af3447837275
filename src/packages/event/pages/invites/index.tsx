import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api, useSession } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { ButtonRow, Icon, Section, StatGrid } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { eventLink } from '../../links'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const FIGURES: { key: 'shares' | 'visits' | 'groups' | 'signups' | 'checkins'; label: string }[] = [
  { key: 'shares', label: '分享' },
  { key: 'visits', label: '访问' },
  { key: 'groups', label: '群聊' },
  { key: 'signups', label: '报名' },
  { key: 'checkins', label: '签到' }
]

/** For each event: how the butler's cards and posters travelled and what they brought. */
export default function InvitesPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const q = useQuery(() => api.event.inviteStats(), [])
  const communityId = params.communityId ?? me?.current?.communityId
  return (
    <PageShell
      id='invites-page'
      query={q}
      empty={whenEmpty((d) => d.rows, { title: '暂时没有可邀请的活动', hint: '社区发布新活动后，可以在这里分享邀请、生成海报', action: { text: '看看社区活动', onClick: () => go(eventLink('list', communityId)) } })}
    >
      {({ rows }) =>
        rows.map((r) => (
          <Section key={r.eventId} id={`invite-${r.eventId}`} title={r.title}>
            <View className='ev-meta__row'>
              <Icon name='time' size='xs' color='muted' />
              <Text className='ev-meta__text'>{formatDateTime(r.startAt)}</Text>
            </View>
            <StatGrid columns={3} items={FIGURES.map((f) => ({ label: f.label, value: r[f.key], id: `invite-${r.eventId}-${f.key}` }))} />
            <ButtonRow>
              <Button fill='outline' type='primary' id={`invite-${r.eventId}-poster`} onClick={() => go(eventLink('poster', communityId, { id: r.eventId }))}>
                生成海报
              </Button>
              <Button type='primary' id={`invite-${r.eventId}-share`} onClick={() => go(eventLink('detail', communityId, { id: r.eventId }))}>
                分享到群
              </Button>
            </ButtonRow>
          </Section>
        ))
      }
    </PageShell>
  )
}
