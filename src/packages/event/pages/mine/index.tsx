import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Cell, CellGroup, Chip } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { STATUS_TONES, signupStatusText } from '../../format'
import { eventLink } from '../../links'
import '../../event.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** A row's description over several lines. */
function Lines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <Text key={i} className='ev-line'>
          {l}
        </Text>
      ))}
    </>
  )
}

/** The resident's sign-ups, the notices about them and the rewards they earned. */
export default function MyEventsPage() {
  const { params } = useRouter()
  const q = useQuery(() => api.event.mine(), [])
  return (
    <PageShell
      id='my-events'
      query={q}
      empty={(d) =>
        d.items.length + d.notices.length + d.rewards.length === 0
          ? {
              title: '还没有报名活动',
              hint: '报名后，电子票、提醒和签到奖励都会在这里',
              action: { text: '看看社区活动', onClick: () => go(eventLink('list', params.communityId)) }
            }
          : null
      }
    >
      {(data) => (
        <>
          {data.notices.length > 0 ? (
            <CellGroup title='活动通知' id='my-notices'>
              {data.notices.slice(0, 5).map((n) => (
                <Cell
                  key={n.id}
                  id={`notice-${n.id}`}
                  icon='notice'
                  title={n.title}
                  desc={<Lines lines={[n.body, formatDateTime(n.createdAt)]} />}
                  onClick={n.link ? () => go(n.link ?? '') : undefined}
                />
              ))}
            </CellGroup>
          ) : null}

          <Text className='kit-cellgroup__title'>我的报名</Text>
          {data.items.length === 0 ? (
            <View className='card'>
              <Text className='ev-hint'>还没有报名活动</Text>
            </View>
          ) : null}
          {data.items.map(({ event: e, signup: s }) => (
            <View key={s.id} className='card' id={`mine-${s.id}`} onClick={() => go(eventLink('detail', e.communityId, { id: e.id }))}>
              <View className='ev-card__chips'>
                <Chip text={signupStatusText(s)} tone={STATUS_TONES[s.status]} />
                <Text className='ev-hint'>{s.householdLabel}</Text>
              </View>
              <Text className='ev-card__title'>{e.title}</Text>
              <EventMeta e={e} />
            </View>
          ))}

          <CellGroup title='我的奖励' id='my-rewards'>
            {data.rewards.length === 0 ? <Cell icon='gift' title='还没有奖励' desc='参加活动签到、提交评价可获得奖励' /> : null}
            {data.rewards.map((r) => (
              <Cell
                key={r.id}
                id={`reward-${r.id}`}
                icon='gift'
                title={r.text}
                desc={<Lines lines={[r.eventTitle, `${r.kind === 'attendance' ? '签到奖励' : '评价奖励'} · ${formatDateTime(r.grantedAt)}`]} />}
              />
            ))}
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
