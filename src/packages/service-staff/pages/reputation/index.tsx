import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Reputation, markOutstanding, reputation } from '../../../../services/booking'
import { toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { Button } from '../../../../ui/nut'
import '../../../service/service.scss'

const TREND = { up: '↑ 上升', down: '↓ 下降', flat: '→ 平稳', new: '新师傅' } as const

/** Worker reputation across households and months; operators mark outstanding workers. */
export default function ReputationPage() {
  const [rows, setRows] = useState<Reputation[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const operator = currentMe()?.current?.role === 'operator'
  const load = async () => {
    const r = await reputation()
    if (r.ok) setRows(r.data.workers)
    else setError(r.error)
  }
  useDidShow(() => void load())
  const toggle = async (w: Reputation) => {
    const r = await markOutstanding({ workerId: w.worker.id, outstanding: !w.worker.outstanding, note: w.worker.outstanding ? '' : '服务之星' })
    if (r.ok) void load()
    else toastError(r.error)
  }
  if (!rows) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  return (
    <View className='page' id='reputation-page'>
      {rows.map((r) => {
        const top = Math.max(5, ...r.months.map((m) => m.avg ?? 0))
        return (
          <View key={r.worker.id} id={`rep-${r.worker.id}`} className='card'>
            <View className='sv-line__top'>
              <View className='row'>
                <Text className='sv-line__name'>{r.worker.name}</Text>
                {r.worker.outstanding ? <Text className='badge badge--accent' style={{ marginLeft: '12px' }} id={`star-${r.worker.id}`}>优秀师傅</Text> : null}
              </View>
              <Text className={`badge ${r.trend === 'down' ? 'badge--accent' : ''}`}>{TREND[r.trend]}</Text>
            </View>
            <Text className='sv-meta'>
              {r.worker.partner ? '合作师傅' : '自有师傅'} · {r.worker.hours}
              {r.worker.outstanding && r.worker.outstandingNote ? ` · ${r.worker.outstandingNote}` : ''}
            </Text>
            <View className='row' style={{ margin: '16px 0' }}>
              <View className='stat'><Text className='stat-value'>{r.ratings > 0 ? r.overall.toFixed(1) : '-'}</Text><Text className='stat-label'>综合评分</Text></View>
              <View className='stat'><Text className='stat-value'>{r.ratings}</Text><Text className='stat-label'>评价数</Text></View>
              <View className='stat'><Text className='stat-value'>{r.households}</Text><Text className='stat-label'>服务户数</Text></View>
              <View className='stat'><Text className='stat-value'>{r.onTimeRate === null ? '-' : `${Math.round(r.onTimeRate * 100)}%`}</Text><Text className='stat-label'>准时率</Text></View>
            </View>
            {r.dims.map((d) => (
              <View key={d.key} className='sv-rate-row'>
                <Text className='sv-label' style={{ width: '80px' }}>{d.label}</Text>
                <View style={{ flex: 1, margin: '0 16px', background: '#e9ecef', borderRadius: '6px' }}>
                  <View className='sv-bar' style={{ width: `${(d.avg / 5) * 100}%` }} />
                </View>
                <Text className='muted'>{d.avg.toFixed(1)}</Text>
              </View>
            ))}
            <View className='sv-months'>
              {r.months.map((m) => (
                <View key={m.month} className='sv-month'>
                  <Text>{m.avg === null ? '' : m.avg.toFixed(1)}</Text>
                  <View className={`sv-month__bar ${m.avg !== null ? 'sv-month__bar--has' : ''}`} style={{ height: `${((m.avg ?? 0.3) / top) * 70}px` }} />
                  <Text>{Number(m.month.slice(5))}月</Text>
                </View>
              ))}
            </View>
            {r.lowRatings > 0 ? <Text className='sv-meta'>低分评价 {r.lowRatings} 次</Text> : null}
            {r.recentComments.map((c) => (
              <Text key={c.at} className='sv-meta'>“{c.text}”（{c.avg.toFixed(1)} 分）</Text>
            ))}
            {operator ? (
              <View className='sv-actions'>
                <Button id={`outstanding-${r.worker.id}`} size='small' type='primary' fill={r.worker.outstanding ? 'outline' : 'solid'} onClick={() => void toggle(r)}>
                  {r.worker.outstanding ? '取消优秀' : '评为优秀师傅'}
                </Button>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
