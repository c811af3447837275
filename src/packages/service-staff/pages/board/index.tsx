import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Board, type Booking, dispatchBoard, reassign } from '../../../../services/booking'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { shanghai } from '../../../../utils/time'
import '../../../service/service.scss'

/** The dispatcher's board: jobs waiting for a worker first, then assigned ones; 派单 / 替换 with a reason. */
export default function BoardPage() {
  const [data, setData] = useState<Board | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [open, setOpen] = useState<string>('')
  const [worker, setWorker] = useState('')
  const [reason, setReason] = useState('')
  const load = async () => {
    const r = await dispatchBoard()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>

  const submit = async (b: Booking) => {
    const r = await reassign({ bookingId: b.id, workerId: worker, reason })
    if (!r.ok) return toastError(r.error)
    setOpen('')
    setReason('')
    void load()
  }
  const row = (b: Booking) => (
    <View key={b.id} id={`board-${b.id}`} className='card'>
      <View className='sv-line__top'>
        <Text className='sv-line__name'>{b.kind === 'repair' ? `报修 · ${b.lineName}` : b.lineName}</Text>
        <Text className={`badge ${b.worker ? '' : 'badge--accent'}`}>{b.statusLabel}</Text>
      </View>
      <Text className='sv-meta'>{shanghai(b.slotStart).format('M月D日 HH:mm')} · {b.householdLabel}</Text>
      <Text className='sv-meta'>{b.worker ? `师傅：${b.worker.name}` : '未派单'}{b.reassignments.length > 0 ? ` · 已替换 ${b.reassignments.length} 次` : ''}</Text>
      {open === b.id ? (
        <View style={{ marginTop: '16px' }}>
          <View className='sv-choice'>
            {data.workers.filter((w) => w.id !== b.worker?.id).map((w) => (
              <Text key={w.id} id={`pick-${w.id}`} className={`sv-chip ${worker === w.id ? 'sv-chip--on' : ''}`} onClick={() => setWorker(w.id)}>
                {w.name}
              </Text>
            ))}
          </View>
          <Input id='reassign-reason' className='sv-input' style={{ marginTop: '16px' }} value={reason} placeholder='原因，例如：师傅临时请假' onInput={(e) => setReason(e.detail.value)} />
          <View className='sv-actions'>
            <Button size='small' fill='outline' onClick={() => setOpen('')}>取消</Button>
            <Button id='reassign-submit' size='small' type='primary' disabled={!worker} onClick={() => void submit(b)}>{b.worker ? '确认替换' : '确认派单'}</Button>
          </View>
        </View>
      ) : b.status === 'held' || b.status === 'confirmed' ? (
        <View className='sv-actions'>
          <Button id={`reassign-${b.id}`} size='small' type='primary' fill='outline' onClick={() => (setOpen(b.id), setWorker(''))}>{b.worker ? '替换师傅' : '派单'}</Button>
        </View>
      ) : null}
    </View>
  )
  return (
    <View className='page' id='board-page'>
      <View className='card'>
        <View className='row'>
          <View className='stat'><Text className='stat-value' id='board-unassigned'>{data.unassigned.length}</Text><Text className='stat-label'>待派单</Text></View>
          <View className='stat'><Text className='stat-value'>{data.assigned.length}</Text><Text className='stat-label'>已派单</Text></View>
          <View className='stat'><Text className='stat-value'>{data.workers.length}</Text><Text className='stat-label'>在岗师傅</Text></View>
        </View>
      </View>
      <Text className='sv-day'>待派单</Text>
      {data.unassigned.length === 0 ? <View className='card'><Text className='muted'>没有待派的工单</Text></View> : null}
      {data.unassigned.map(row)}
      <Text className='sv-day'>已派单（近 7 天）</Text>
      {data.assigned.map(row)}
    </View>
  )
}
