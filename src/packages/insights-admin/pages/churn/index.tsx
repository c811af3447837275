import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { CHURN_CASE_LABELS, CHURN_CASE_STATUSES } from '@contracts/insights-labels'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type CaseStatus, type ChurnCases, churnCases } from '../../../../services/insights-admin'
import { formatDate } from '../../../../utils/time'
import { bpText } from '../../format'
import '../../insights-admin.scss'

/** Operator: the community's churn cases, how they ended (reactivation rate), and why each was flagged. */
export default function ChurnPage() {
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined)
  const [data, setData] = useState<ChurnCases | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const load = async (s: CaseStatus | undefined) => {
    setStatus(s)
    const r = await churnCases(s)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load(status))

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load(status)} />}</View>
  const o = data.outcomes
  return (
    <View className='page' id='ia-churn'>
      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          召回结果
        </Text>
        <View className='ia-outcomes'>
          <View className='stat'>
            <Text className='stat-value' id='outcome-open'>
              {o.open}
            </Text>
            <Text className='stat-label'>待跟进</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{o.followed}</Text>
            <Text className='stat-label'>已跟进</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{o.reactivated}</Text>
            <Text className='stat-label'>已召回</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{o.lost}</Text>
            <Text className='stat-label'>未召回</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value' id='outcome-rate'>
              {bpText(o.reactivationBp)}
            </Text>
            <Text className='stat-label'>召回率</Text>
          </View>
        </View>
        <Text className='muted'>召回率 = 已召回 ÷（已召回 + 未召回）；住户在预警后重新下单即算召回。</Text>
      </View>

      <View className='ia-chips ia-chips--bare' style={{ marginBottom: '12px' }}>
        <Text id='status-all' className={`ia-chip ${status === undefined ? 'ia-chip--on' : ''}`} onClick={() => void load(undefined)}>
          全部
        </Text>
        {CHURN_CASE_STATUSES.map((s) => (
          <Text key={s} id={`status-${s}`} className={`ia-chip ${status === s ? 'ia-chip--on' : ''}`} onClick={() => void load(s)}>
            {CHURN_CASE_LABELS[s]}
          </Text>
        ))}
      </View>

      <View className='card' id='ia-cases'>
        {data.cases.length === 0 ? <StateView empty='没有这类预警住户' /> : null}
        {data.cases.map((c) => (
          <View key={c.caseId} className='ia-case' id={`case-${c.caseId}`}>
            <View className='ia-case__head'>
              <Text className='ia-case__label'>{c.label}</Text>
              <Text className={`ia-status ia-status--${c.status}`}>{c.statusLabel}</Text>
            </View>
            <View className='ia-case__head'>
              <Text className='muted'>
                {formatDate(c.openedAt)} 预警 · 管家 {c.butlerName || '未分配'}
                {c.followedAt ? ` · ${formatDate(c.followedAt)} 跟进` : ''}
                {c.closedAt ? ` · ${formatDate(c.closedAt)} 结案` : ''}
              </Text>
              <Text className='ia-case__score'>{c.score} 分</Text>
            </View>
            <View className='ia-reasons'>
              {c.reasons.map((r) => (
                <Text key={r.code} className='ia-reason'>
                  {r.label} +{r.points}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
