import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CHURN_CASE_LABELS, CHURN_CASE_STATUSES, type ChurnCaseStatus } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { answerFor } from '../../../../utils/answer-for'
import { formatDate } from '../../../../utils/time'
import { Chip, Icon, Section, Segmented, StatGrid, type Tone } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { percent } from '../../format'
import { BUTLER_PKG, householdLink } from '../../links'
import '../../butler.scss'

type ChurnCase = OutputOf<'insights.churnCases'>['cases'][number]
type Filter = ChurnCaseStatus | 'all'
const CASE_TONES: Record<ChurnCaseStatus, Tone> = { open: 'danger', followed: 'accent', reactivated: 'primary', lost: 'muted' }

/** One household flagged: its status, when it was flagged, followed and closed, and the first reasons. */
function CaseCard({ c, onOpen }: { c: ChurnCase; onOpen: () => void }) {
  const dates = [
    `预警分 ${c.score}`,
    `${formatDate(c.openedAt)} 预警`,
    c.followedAt ? `${formatDate(c.followedAt)} 跟进` : '',
    c.closedAt ? `${formatDate(c.closedAt)} ${c.status === 'reactivated' ? '召回' : '结案'}` : ''
  ]
  return (
    <View className='card' id={`case-${c.householdId}`} onClick={onOpen}>
      <View className='bt-title-row'>
        <Text className='bt-hh__label'>{c.label}</Text>
        <Chip text={c.statusLabel} tone={CASE_TONES[c.status]} />
      </View>
      <Text className='bt-meta'>{dates.filter(Boolean).join('，')}</Text>
      {c.reasons.slice(0, 3).map((r) => (
        <View key={r.code} className='bt-reason'>
          <Text className='bt-reason__label'>{r.label}</Text>
          <Text className='bt-reason__pts'>+{r.points}</Text>
        </View>
      ))}
      <View className='bt-more'>
        <Text>{c.reasons.length > 3 ? `另有 ${c.reasons.length - 3} 条原因，查看住户档案` : '查看住户档案'}</Text>
        <Icon name='arrow-right' size='xs' color='primary' />
      </View>
    </View>
  )
}

/** 流失预警: the butler's households that crossed the threshold, and whether they came back. */
export default function CasesPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const [filter, setFilter] = useState<Filter>('all')
  const q = useQuery(() => answerFor(filter, api.insights.churnCases(filter === 'all' ? {} : { status: filter })), [filter])
  const communityId = params.communityId ?? me?.current?.communityId

  return (
    <PageShell id='cases-page' query={q}>
      {({ choice, value: data }) => {
        const o = data.outcomes
        const total = o.open + o.followed + o.reactivated + o.lost
        return (
          <>
            <Section>
              <StatGrid
                columns={4}
                items={[
                  { label: '待跟进', value: o.open, tone: o.open ? 'danger' : 'default', id: 'cases-open' },
                  { label: '已跟进', value: o.followed },
                  { label: '已召回', value: o.reactivated, tone: 'primary' },
                  { label: '召回率', value: o.reactivationBp === null ? '—' : percent(o.reactivationBp) }
                ]}
              />
              <Text className='bt-meta'>预警后住户重新消费或参加活动即算召回，观察期内没有动静算未召回。召回率 = 已召回 ÷（已召回 + 未召回）。</Text>
            </Section>

            <Segmented<Filter>
              id='status'
              value={filter}
              options={[{ value: 'all', label: `全部 ${total}` }, ...CHURN_CASE_STATUSES.map((s) => ({ value: s, label: `${CHURN_CASE_LABELS[s]} ${o[s]}` }))]}
              onChange={setFilter}
            />

            {choice !== filter ? (
              <LoadingState />
            ) : data.cases.length === 0 ? (
              filter === 'all' ? (
                <EmptyState
                  title='网格内暂无流失预警'
                  hint='住户长期没有消费或活动时会出现在这里，继续保持'
                  action={{ text: '看看我的网格', onClick: () => void Taro.navigateTo({ url: `${BUTLER_PKG}/grid/index` }) }}
                />
              ) : (
                <EmptyState title={`没有「${CHURN_CASE_LABELS[filter]}」的住户`} action={{ text: '查看全部', onClick: () => setFilter('all') }} />
              )
            ) : (
              data.cases.map((c) => <CaseCard key={c.caseId} c={c} onOpen={() => void Taro.navigateTo({ url: householdLink(c.householdId, communityId) })} />)
            )}
          </>
        )
      }}
    </PageShell>
  )
}
