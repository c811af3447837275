import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type FollowUp, closeFollowUp, followUps } from '../../../../services/booking'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { formatDateTime } from '../../../../utils/time'
import '../../../service/service.scss'

/** The butler's follow-ups of low ratings in their grid. */
export default function FollowUpsPage() {
  const [list, setList] = useState<FollowUp[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [notes, setNotes] = useState<Record<string, string>>({})
  const load = async () => {
    const r = await followUps('open')
    if (r.ok) setList(r.data.followUps)
    else setError(r.error)
  }
  useDidShow(() => void load())
  const close = async (f: FollowUp) => {
    const r = await closeFollowUp(f.id, notes[f.id] ?? '')
    if (r.ok) void load()
    else toastError(r.error)
  }
  if (!list) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  return (
    <View className='page' id='followups-page'>
      {list.length === 0 ? <StateView empty='没有待回访的评价' /> : null}
      {list.map((f) => (
        <View key={f.id} id={`followup-${f.bookingId}`} className='card'>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{f.householdLabel}</Text>
            <Text className='badge badge--accent'>{f.avg.toFixed(1)} 分</Text>
          </View>
          <Text className='sv-meta'>{f.lineName} · {f.workerName} · {formatDateTime(f.createdAt)}</Text>
          {f.comment ? <Text className='sv-meta'>“{f.comment}”</Text> : null}
          <Input className='sv-input' style={{ marginTop: '16px' }} value={notes[f.id] ?? ''} placeholder='回访结果' onInput={(e) => setNotes({ ...notes, [f.id]: e.detail.value })} />
          <View className='sv-actions'>
            <Button size='small' type='primary' onClick={() => void close(f)}>完成回访</Button>
          </View>
        </View>
      ))}
    </View>
  )
}
