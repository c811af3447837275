import { Text, View } from '@tarojs/components'
import { api } from '../../../../client'
import { PageShell } from '../../../../ui/shell'
import { LogList, useEntryLog } from '../../components/LogList'
import { useAccessHousehold } from '../../components/use-household'
import '../../access.scss'

export default function HouseholdLogPage() {
  const { householdId, communityId } = useAccessHousehold()
  const log = useEntryLog((older) => api.access.householdLog({ householdId, ...older }, communityId ? { communityId } : {}), [householdId, communityId])
  return (
    <PageShell id='access-log-page' query={{ data: log.first, error: log.error, loading: log.loading, reload: log.reload }}>
      {(first) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{first.householdLabel}</Text>
            <Text className='hero-sub'>家人与访客的进出记录，保留 180 天</Text>
          </View>
          <LogList log={log} empty='还没有通行记录' hint='家人刷码或访客到访后，这里会有记录' />
        </>
      )}
    </PageShell>
  )
}
