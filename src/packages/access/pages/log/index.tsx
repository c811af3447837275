import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api, currentMe } from '../../../../client'
import { Button } from '../../../../ui/nut'
import { Section } from '../../../../ui/kit'
import { PageShell, usePaged } from '../../../../ui/shell'
import { LogList } from '../../components/LogList'
import '../../access.scss'

export default function HouseholdLogPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const log = usePaged(
    (cursor) => api.access.householdLog({ householdId, ...(cursor ? { before: Number(cursor) } : {}) }, communityId ? { communityId } : {}),
    (p) => ({ items: p.entries, cursor: p.next === null ? null : String(p.next) }),
    [householdId, communityId]
  )
  return (
    <PageShell id='access-log-page' query={{ data: log.first, error: log.error, loading: log.loading, reload: log.reload }}>
      {(first) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{first.householdLabel}</Text>
            <Text className='hero-sub'>家人与访客的进出记录，保留 180 天</Text>
          </View>
          <Section>
            <LogList entries={log.items} empty='还没有通行记录' hint='家人刷码或访客到访后，这里会有记录' />
          </Section>
          {log.hasMore ? (
            <Button block fill='outline' type='primary' loading={log.loadingMore} onClick={() => void log.loadMore()}>
              更早的记录
            </Button>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
