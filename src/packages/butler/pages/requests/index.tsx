import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { RELATION_LABELS } from '@contracts/roles'
import { StateView } from '../../../../components/StateView'
import { type JoinRequests, listJoinRequests, reviewJoinRequest } from '../../../../services/household'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import './index.scss'

export default function RequestsPage() {
  const [list, setList] = useState<JoinRequests | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState('')

  const load = async () => {
    const r = await listJoinRequests('pending')
    if (r.ok) setList(r.data.requests)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const decide = async (id: string, approve: boolean) => {
    setBusy(id)
    const r = await reviewJoinRequest(id, approve, approve ? '' : '信息未能核实')
    setBusy('')
    if (!r.ok) toastError(r.error)
    else void Taro.showToast({ title: approve ? '已通过' : '已拒绝', icon: 'success' })
    await load()
  }

  if (!list) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='requests-page'>
      {list.length === 0 ? <StateView empty='暂无待审核的入户申请' /> : null}
      {list.map((r) => (
        <View key={r.id} className='card' id={`request-${r.id}`}>
          <View className='row'>
            <Text className='req__who'>{r.applicantName}</Text>
            <Text className='badge'>{RELATION_LABELS[r.relation]}</Text>
          </View>
          <Text className='req__house'>申请加入 {r.householdLabel}</Text>
          {r.phoneMasked ? <Text className='muted'>手机 {r.phoneMasked}</Text> : null}
          {r.note ? <Text className='muted'>备注：{r.note}</Text> : null}
          <Text className='muted'>{formatDateTime(r.createdAt)} 提交</Text>
          <View className='req__actions'>
            <Button size='small' fill='outline' disabled={busy === r.id} onClick={() => void decide(r.id, false)}>
              拒绝
            </Button>
            <Button size='small' type='primary' loading={busy === r.id} onClick={() => void decide(r.id, true)}>
              通过
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
