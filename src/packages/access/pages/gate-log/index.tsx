import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { PageShell } from '../../../../ui/shell'
import { LogList, useEntryLog } from '../../components/LogList'
import '../../access.scss'

export default function GateLogPage() {
  const { params } = useRouter()
  const gateId = params.gateId ?? ''
  const log = useEntryLog((older) => api.access.gateLog({ gateId, ...older }), [gateId])
  const opened = log.items.filter((e) => e.decision === 'open').length
  return (
    <PageShell id='gate-log-page' query={{ data: log.first, error: log.error, loading: log.loading, reload: log.reload }}>
      {(first) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{first.gateName}</Text>
            <Text className='hero-sub'>
              最近 {log.items.length} 次请求 · 开门 {opened} 次 · 拒绝 {log.items.length - opened} 次
            </Text>
          </View>
          <LogList log={log} empty='这台设备还没有通行记录' />
        </>
      )}
    </PageShell>
  )
}
