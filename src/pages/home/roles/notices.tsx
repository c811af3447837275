import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_CATEGORY_LABELS } from '@contracts/message-kinds'
import { api } from '../../../client'
import { noticeLink } from '../../../components/NoticeCard/link'
import { openMessagesAt } from '../../../services/badge'
import { formatDate } from '../../../utils/time'
import { Cell, CellGroup, Chip } from '../../../ui/kit'
import { useQuery } from '../../../ui/shell'

/** The latest notices for the resident's home, under the tiles: one line each, nothing when there are none. */
export function HomeNotices({ communityId }: { communityId: string }) {
  const q = useQuery(() => api.message.feed({ limit: 3 }), [communityId])
  if (q.error && !q.data) {
    return (
      <View className='home-notices__retry' id='home-notices-retry' onClick={() => void q.reload()}>
        <Text className='muted'>社区公告加载失败，点此重试</Text>
      </View>
    )
  }
  if (!q.data || q.data.items.length === 0) return null
  return (
    <CellGroup title='社区公告' id='home-notices'>
      {q.data.items.map((n) => (
        <Cell
          key={n.id}
          id={`home-notice-${n.id}`}
          icon='notice'
          title={n.title}
          desc={`${n.pinned ? '置顶 · ' : ''}${NOTICE_CATEGORY_LABELS[n.category]} · ${formatDate(n.publishAt)}`}
          extra={!n.read ? <Chip text={n.important ? '重要' : '未读'} tone={n.important ? 'danger' : 'accent'} /> : undefined}
          onClick={() => void Taro.navigateTo({ url: noticeLink(n.id, communityId) })}
        />
      ))}
      <Cell id='home-notices-more' title={q.data.unread > 0 ? `全部公告（${q.data.unread} 条未读）` : '全部公告'} onClick={() => openMessagesAt('notices')} />
    </CellGroup>
  )
}
