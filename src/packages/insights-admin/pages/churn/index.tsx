import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CHURN_CASE_LABELS, CHURN_CASE_STATUSES, type ChurnCaseStatus } from '@contracts/insights-labels'
import { api } from '../../../../client'
import { answerFor } from '../../../../utils/answer-for'
import { formatDate } from '../../../../utils/time'
import { Chip, Section, Segmented, StatGrid, type Tone } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { bpText } from '../../format'
import '../../insights-admin.scss'

type Filter = ChurnCaseStatus | 'all'
const TONES: Record<ChurnCaseStatus, Tone> = { open: 'danger', followed: 'accent', reactivated: 'primary', lost: 'muted' }

/** Operator: the community's churn cases, how they ended (reactivation rate), and why each was flagged. */
export default function ChurnPage() {
  const [filter, setFilter] = useState<Filter>('all')
  const q = useQuery(() => answerFor(filter, api.insights.churnCases(filter === 'all' ? {} : { status: filter })), [filter])

  return (
    <PageShell id='ia-churn' query={q}>
      {({ choice, value: data }) => {
        const o = data.outcomes
        return (
          <>
            <Section title='召回结果'>
              <StatGrid
                columns={3}
                items={[
                  { label: '待跟进', value: o.open, tone: o.open ? 'danger' : 'default', id: 'outcome-open' },
                  { label: '已跟进', value: o.followed },
                  { label: '已召回', value: o.reactivated, tone: 'primary' },
                  { label: '未召回', value: o.lost },
                  { label: '召回率', value: bpText(o.reactivationBp), id: 'outcome-rate' }
                ]}
              />
              <Text className='ia-note'>召回率 = 已召回 ÷（已召回 + 未召回）；住户在预警后重新下单即算召回。</Text>
            </Section>

            <Segmented<Filter>
              id='status'
              value={filter}
              options={[{ value: 'all', label: '全部' }, ...CHURN_CASE_STATUSES.map((s) => ({ value: s, label: CHURN_CASE_LABELS[s] }))]}
              onChange={setFilter}
            />

            {choice !== filter ? (
              <LoadingState />
            ) : data.cases.length === 0 ? (
              <EmptyState
                title={filter === 'all' ? '社区暂无流失预警住户' : `没有「${CHURN_CASE_LABELS[filter]}」的住户`}
                hint='每晚按「分群与预警规则」评估，达到预警分数线的住户会出现在这里并分派给管家'
                action={filter === 'all' ? undefined : { text: '查看全部', onClick: () => setFilter('all') }}
              />
            ) : (
              <Section id='ia-cases'>
                {data.cases.map((c) => (
                  <View key={c.caseId} className='ia-case' id={`case-${c.caseId}`}>
                    <View className='ia-case__head'>
                      <Text className='ia-case__label'>{c.label}</Text>
                      <Chip text={c.statusLabel} tone={TONES[c.status]} />
                    </View>
                    <Text className='ia-note'>
                      {[
                        `${c.score} 分`,
                        `${formatDate(c.openedAt)} 预警`,
                        `管家 ${c.butlerName || '未分配'}`,
                        c.followedAt ? `${formatDate(c.followedAt)} 跟进` : '',
                        c.closedAt ? `${formatDate(c.closedAt)} 结案` : ''
                      ]
                        .filter(Boolean)
                        .join('，')}
                    </Text>
                    {c.reasons.map((r) => (
                      <View key={r.code} className='ia-reason'>
                        <Text className='ia-reason__label'>{r.label}</Text>
                        <Text className='ia-reason__pts'>+{r.points}</Text>
                      </View>
                    ))}
                  </View>
                ))}
              </Section>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
