import { View } from '@tarojs/components'
import { api } from '../../client'
import { NoticeCard } from '../../components/NoticeCard'
import { EmptyState, ErrorState, LoadingState, useQuery } from '../../ui/shell'

/** The community's live notices for the resident's home: pinned first, unread ones marked. */
export function NoticeList({ communityId }: { communityId: string }) {
  const q = useQuery(() => api.message.feed({ limit: 50 }), [communityId])
  if (!q.data) return q.error ? <ErrorState error={q.error} onRetry={() => void q.reload()} /> : <LoadingState />
  if (q.data.items.length === 0) return <EmptyState title='暂无公告' hint='物业发布的停水停电、社区活动等公告会显示在这里' />
  return (
    <View id='notices' className='messages__list'>
      {q.data.items.map((n) => (
        <NoticeCard key={n.id} notice={n} communityId={communityId} />
      ))}
    </View>
  )
}
