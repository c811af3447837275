import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type AccessLogPage, householdLog } from '../../../../services/access'
import { currentMe } from '../../../../services/session'
import { Button } from '../../../../ui/nut'
import { LogList } from '../../components/LogList'
import '../../access.scss'

export default function HouseholdLogPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const [log, setLog] = useState<AccessLogPage | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async (before?: number) => {
    setBusy(true)
    const r = await householdLog(householdId, communityId, before)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setLog((prev) => (before && prev ? { ...r.data, entries: [...prev.entries, ...r.data.entries] } : r.data))
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!log) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  return (
    <View className='page' id='access-log-page'>
      <View className='hero'>
        <Text className='hero-title'>{log.householdLabel}</Text>
        <Text className='hero-sub'>家人与访客的进出记录，保留 180 天</Text>
      </View>
      <View className='card'>
        <LogList entries={log.entries} empty='还没有通行记录' />
      </View>
      {log.next ? (
        <Button block fill='outline' type='primary' loading={busy} onClick={() => void load(log.next ?? undefined)}>
          更早的记录
        </Button>
      ) : null}
    </View>
  )
}
