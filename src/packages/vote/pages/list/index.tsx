import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { VOTE_OUTCOME_LABELS, VOTE_RULE_LABELS } from '@contracts/vote-rules'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Chip, Section } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { STATE_TONE, stateText, voteLink } from '../../links'
import '../../vote.scss'

/** The community's owner votes, open ones first by their close; an owner sees which of their homes still has a ballot to cast. */
export default function VotesPage() {
  const q = useQuery(() => api.message.votes({}), [])
  return (
    <PageShell id='votes-page' query={q} empty={whenEmpty((d) => d.items, { title: '暂无业主表决', hint: '物业发起需要业主共同决定的事项后，会在这里投票' })}>
      {(d) => (
        <>
          {d.items.map((v) => (
            <Section key={v.id} id={`vote-${v.id}`} title={v.title} extra={<Chip text={stateText(v.state)} tone={STATE_TONE[v.state]} />}>
              <View className='vt-row' onClick={() => void Taro.navigateTo({ url: voteLink('detail', { id: v.id }) })}>
                <View className='vt-chips'>
                  <Chip text={VOTE_RULE_LABELS[v.rule]} tone='info' />
                  <Chip text={v.scopeLabel} />
                  {v.outcome ? <Chip text={VOTE_OUTCOME_LABELS[v.outcome]} tone={v.outcome === 'passed' ? 'primary' : 'danger'} /> : null}
                </View>
                <Text className='vt-meta'>
                  {formatDateTime(v.closesAt)} 截止 · 已投 {v.ballots}/{v.units} 套
                </Text>
                {v.myUnits > 0 ? (
                  <Text className={v.myVoted < v.myUnits && v.state === 'open' ? 'vt-todo' : 'vt-meta'}>
                    {v.myVoted < v.myUnits ? (v.state === 'open' ? `你有 ${v.myUnits - v.myVoted} 套房屋待投票` : `你有 ${v.myUnits - v.myVoted} 套房屋未投票`) : `你的 ${v.myUnits} 套房屋已投票`}
                  </Text>
                ) : null}
              </View>
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
