import { Text, View } from '@tarojs/components'
import { api, currentMe } from '../../../../client'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, Section, StatGrid, type Tone } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import type { Reputation } from '../../types'
import '../../../service/service.scss'

const TREND: Record<Reputation['trend'], { text: string; tone: Tone }> = {
  up: { text: '评分上升', tone: 'primary' },
  down: { text: '评分下降', tone: 'danger' },
  flat: { text: '评分平稳', tone: 'default' },
  new: { text: '新师傅', tone: 'info' }
}

function Months({ r }: { r: Reputation }) {
  const top = Math.max(5, ...r.months.map((m) => m.avg ?? 0))
  return (
    <View className='sv-months'>
      {r.months.map((m) => (
        <View key={m.month} className='sv-month'>
          <Text className='sv-month__avg'>{m.avg === null ? '' : m.avg.toFixed(1)}</Text>
          <View className={`sv-month__bar ${m.avg !== null ? 'sv-month__bar--has' : ''}`} style={{ height: `${((m.avg ?? 0.3) / top) * 70}px` }} />
          <Text>{Number(m.month.slice(5))}月</Text>
        </View>
      ))}
    </View>
  )
}

/** Worker reputation across households and months; operators mark outstanding workers. */
export default function ReputationPage() {
  const q = useQuery(() => api.booking.reputation({}), [])
  const operator = currentMe()?.current?.role === 'operator'
  const toggle = async (w: Reputation) => {
    const r = await api.booking.markOutstanding({ workerId: w.worker.id, outstanding: !w.worker.outstanding, note: w.worker.outstanding ? '' : '服务之星' })
    if (r.ok) void q.reload()
    else toastError(r.error)
  }
  return (
    <PageShell
      id='reputation-page'
      query={q}
      empty={whenEmpty((d) => d.workers, { title: '还没有登记服务师傅', hint: '物业登记师傅并完成服务后，住户的评价会汇总在这里' })}
    >
      {(d) => (
        <>
          {d.workers.map((r) => (
            <Section
              key={r.worker.id}
              id={`rep-${r.worker.id}`}
              title={
                <View className='sv-worker'>
                  <Text className='sv-line__name'>{r.worker.name}</Text>
                  {r.worker.outstanding ? <Chip id={`star-${r.worker.id}`} text='优秀师傅' tone='accent' /> : null}
                </View>
              }
              extra={<Chip text={TREND[r.trend].text} tone={TREND[r.trend].tone} />}
            >
              <Text className='sv-meta'>
                {[r.worker.partner ? '合作师傅' : '自有师傅', r.worker.hours, r.worker.outstanding ? r.worker.outstandingNote : ''].filter(Boolean).join(' · ')}
              </Text>
              <StatGrid
                items={[
                  { label: '综合评分', value: r.ratings > 0 ? r.overall.toFixed(1) : '暂无', tone: 'primary' },
                  { label: '评价数', value: r.ratings },
                  { label: '服务户数', value: r.households },
                  { label: '准时率', value: r.onTimeRate === null ? '暂无' : `${Math.round(r.onTimeRate * 100)}%` }
                ]}
              />
              {r.dims.map((dim) => (
                <View key={dim.key} className='sv-dim'>
                  <Text className='sv-dim__label'>{dim.label}</Text>
                  <View className='sv-dim__track'>
                    <View className='sv-bar' style={{ width: `${(dim.avg / 5) * 100}%` }} />
                  </View>
                  <Text className='sv-dim__value'>{dim.avg.toFixed(1)}</Text>
                </View>
              ))}
              <Months r={r} />
              {r.lowRatings > 0 ? <Text className='sv-meta'>低分评价 {r.lowRatings} 次</Text> : null}
              {r.recentComments.map((c) => (
                <Text key={c.at} className='sv-quote-text'>
                  “{c.text}”（{c.avg.toFixed(1)} 分）
                </Text>
              ))}
              {operator ? (
                <ButtonRow>
                  <Button id={`outstanding-${r.worker.id}`} type='primary' fill={r.worker.outstanding ? 'outline' : 'solid'} onClick={() => void toggle(r)}>
                    {r.worker.outstanding ? '取消优秀' : '评为优秀师傅'}
                  </Button>
                </ButtonRow>
              ) : null}
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
