import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { StateView } from '../../../../components/StateView'
import { gateLog } from '../../../../services/access'
import { Button } from '../../../../ui/nut'
import { LogList } from '../../components/LogList'
import '../../access.scss'

type Page = OutputOf<'access.gateLog'>

export default function GateLogPage() {
  const { params } = useRouter()
  const gateId = params.gateId ?? ''
  const [log, setLog] = useState<Page | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async (before?: number) => {
    setBusy(true)
    const r = await gateLog(gateId, before)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setLog((prev) => (before && prev ? { ...r.data, entries: [...prev.entries, ...r.data.entries] } : r.data))
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!log) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  const opened = log.entries.filter((e) => e.decision === 'open').length
  return (
    <View className='page' id='gate-log-page'>
      <View className='hero'>
        <Text className='hero-title'>{log.gateName}</Text>
        <Text className='hero-sub'>
          最近 {log.entries.length} 次请求 · 开门 {opened} 次 · 拒绝 {log.entries.length - opened} 次
        </Text>
      </View>
      <View className='card'>
        <LogList entries={log.entries} empty='这台设备还没有通行记录' />
      </View>
      {log.next ? (
        <Button block fill='outline' type='primary' loading={busy} onClick={() => void load(log.next ?? undefined)}>
          更早的记录
        </Button>
      ) : null}
    </View>
  )
}
