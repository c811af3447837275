import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { CHURN_CASE_LABELS, CHURN_CASE_STATUSES, type ChurnCaseStatus } from '@contracts/insights-labels'
import { StateView } from '../../../../components/StateView'
import { BUTLER_PKG, type ChurnCases, churnCases } from '../../../../services/insights'
import { formatDate } from '../../../../utils/time'
import { percent } from '../../format'
import '../../butler.scss'

const TONE: Record<ChurnCaseStatus, string> = { open: 'bt-badge--danger', followed: 'badge--accent', reactivated: '', lost: 'bt-badge--mute' }

/** 流失预警: the butler's households that crossed the threshold, and whether they came back. */
export default function CasesPage() {
  const [status, setStatus] = useState<ChurnCaseStatus | undefined>(undefined)
  const [data, setData] = useState<ChurnCases | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async (s = status) => {
    const r = await churnCases(s)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  const pick = (s: ChurnCaseStatus | undefined) => {
    setStatus(s)
    void load(s)
  }

  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const o = data.outcomes
  const total = o.open + o.followed + o.reactivated + o.lost
  return (
    <View className='page' id='cases-page'>
      <View className='card'>
        <View className='row'>
          <View className='stat'>
            <Text className='stat-value' id='cases-open'>{o.open}</Text>
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
            <Text className='stat-value'>{o.reactivationBp === null ? '—' : percent(o.reactivationBp)}</Text>
            <Text className='stat-label'>召回率</Text>
          </View>
        </View>
        <Text className='muted' style={{ display: 'block', marginTop: Taro.pxTransform(16) }}>
          预警后住户重新消费或参加活动即算召回，观察期内没有动静算未召回。召回率 = 已召回 ÷（已召回 + 未召回）。
        </Text>
      </View>

      <View className='bt-chips' id='cases-filters'>
        <Text id='status-all' className={`bt-chip ${status === undefined ? 'bt-chip--on' : ''}`} onClick={() => pick(undefined)}>
          全部 {total}
        </Text>
        {CHURN_CASE_STATUSES.map((s) => (
          <Text key={s} id={`status-${s}`} className={`bt-chip ${status === s ? 'bt-chip--on' : ''}`} onClick={() => pick(s)}>
            {CHURN_CASE_LABELS[s]} {o[s]}
          </Text>
        ))}
      </View>

      {data.cases.length === 0 ? (
        <View className='card'>
          <StateView empty={status ? `没有「${CHURN_CASE_LABELS[status]}」的住户` : '网格内暂无流失预警，继续保持'} />
        </View>
      ) : null}
      {data.cases.map((c) => (
        <View
          key={c.caseId}
          className='card'
          id={`case-${c.householdId}`}
          onClick={() => void Taro.navigateTo({ url: `${BUTLER_PKG}/household/index?householdId=${c.householdId}` })}
        >
          <View className='bt-title-row'>
            <Text className='bt-title'>{c.label}</Text>
            <Text className={`badge ${TONE[c.status]}`}>{c.statusLabel}</Text>
          </View>
          <Text className='bt-meta'>
            预警分 {c.score} · {formatDate(c.openedAt)} 预警
            {c.followedAt ? ` · ${formatDate(c.followedAt)} 跟进` : ''}
            {c.closedAt ? ` · ${formatDate(c.closedAt)} ${c.status === 'reactivated' ? '召回' : '结案'}` : ''}
          </Text>
          {c.reasons.slice(0, 3).map((r) => (
            <View key={r.code} className='bt-reason'>
              <Text>{r.label}</Text>
              <Text className='bt-reason__pts'>+{r.points}</Text>
            </View>
          ))}
          {c.reasons.length > 3 ? <Text className='muted'>另有 {c.reasons.length - 3} 条原因，点开查看</Text> : null}
        </View>
      ))}
    </View>
  )
}
