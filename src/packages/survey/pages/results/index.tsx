import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { QUESTION_TYPE_LABELS, SURVEY_CHANNEL_LABELS } from '@contracts/survey-kinds'
import { api, useSession } from '../../../../client'
import { Cell, CellGroup, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { surveyLink } from '../../links'
import '../../survey.scss'

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—')

/** A survey's results for staff: each question's figures, response rates per grid and channel; a butler visits the homes yet to answer. */
export default function SurveyResultsPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const id = decodeURIComponent(params.id ?? '')
  const butler = me?.current?.role === 'butler'
  const q = useQuery(() => api.message.surveyResults({ id }), [id], { enabled: id !== '' })
  return (
    <PageShell id='survey-results' query={q}>
      {(r) => (
        <>
          <Section title='回收情况'>
            <StatGrid
              items={[
                { label: '发放户数', value: r.households },
                { label: '已回收', value: r.responses, tone: 'primary', id: 'survey-responses' },
                ...r.channels.map((c) => ({ label: SURVEY_CHANNEL_LABELS[c.channel], value: c.count }))
              ]}
              columns={3}
            />
          </Section>
          {r.questions.map((x, i) => (
            <Section key={x.key} title={`${i + 1}. ${x.title}`} id={`result-${x.key}`}>
              <Text className='sv-meta'>
                {QUESTION_TYPE_LABELS[x.type]} · {x.answered} 人作答{x.average !== null ? ` · 平均 ${x.average}` : ''}
                {x.min !== null && x.max !== null ? ` · 最小 ${x.min} · 最大 ${x.max}` : ''}
              </Text>
              {x.counts.map((c, k) => (
                <View key={k} className='sv-bar-row'>
                  <View className='sv-bar-row__head'>
                    <Text>{x.labels[k]}</Text>
                    <Text>
                      {c} · {pct(c, x.answered)}
                    </Text>
                  </View>
                  <View className='sv-bar'>
                    <View className='sv-bar__fill' style={{ width: x.answered ? `${(c / x.answered) * 100}%` : '0%' }} />
                  </View>
                </View>
              ))}
              {x.texts.slice(0, 10).map((t, k) => (
                <Text key={k} className='sv-text-answer'>
                  {t}
                </Text>
              ))}
            </Section>
          ))}
          {r.grids.length > 0 ? (
            <CellGroup title='各网格回收率'>
              {r.grids.map((g) => (
                <Cell key={g.gridId} title={g.name} desc={`${g.responded}/${g.households} 户`} extra={pct(g.responded, g.households)} />
              ))}
            </CellGroup>
          ) : null}
          {butler ? (
            <CellGroup title={`本网格未填写（${r.unanswered.length} 户）`} id='survey-unanswered'>
              {r.unanswered.map((u) => (
                <Cell key={u.householdId} id={`unanswered-${u.householdId}`} icon='home' title={u.label} desc='上门或纸质调研后代为录入' onClick={() => void Taro.navigateTo({ url: surveyLink('answer', { id, householdId: u.householdId }) })} />
              ))}
            </CellGroup>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
