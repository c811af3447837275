import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { Button } from '../../../../ui/nut'
import { Section } from '../../../../ui/kit'
import { PageShell, usePaged } from '../../../../ui/shell'
import { LogList } from '../../components/LogList'
import '../../access.scss'

export default function GateLogPage() {
  const { params } = useRouter()
  const gateId = params.gateId ?? ''
  const log = usePaged(
    (cursor) => api.access.gateLog({ gateId, ...(cursor ? { before: Number(cursor) } : {}) }),
    (p) => ({ items: p.entries, cursor: p.next === null ? null : String(p.next) }),
    [gateId]
  )
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
          <Section>
            <LogList entries={log.items} empty='这台设备还没有通行记录' />
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
