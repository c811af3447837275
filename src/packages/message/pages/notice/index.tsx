import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { NOTICE_CATEGORY_LABELS } from '@contracts/message-kinds'
import { api } from '../../../../client'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { Chip, Notice } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { NoticeBody } from '../../components/NoticeBody'
import '../../message.scss'

/** One notice, opened from the home, the message centre or a butler's reminder; opening it counts the home as having read it. */
export default function NoticePage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.message.notice({ id }), [id], { enabled: id !== '', reloadOnShow: false })
  return (
    <PageShell id='notice-page' className='notice-page' query={q}>
      {(n) => (
        <View className='card notice-page__card'>
          <View className='notice-page__chips'>
            {n.pinned ? <Chip text='置顶' tone='primary' /> : null}
            {n.important ? <Chip text='重要' tone='danger' /> : null}
            <Chip text={NOTICE_CATEGORY_LABELS[n.category]} tone={n.category === 'outage' ? 'accent' : 'info'} />
          </View>
          <Text className='notice-page__title' id='notice-title'>
            {n.title}
          </Text>
          <Text className='notice-page__meta'>
            {n.communityName} · {n.authorName} · {formatDateTime(n.publishAt)}
          </Text>
          <NoticeBody blocks={n.blocks} />
          {n.expiresAt ? <Notice tone='info'>本公告展示至 {formatDate(n.expiresAt)}</Notice> : null}
        </View>
      )}
    </PageShell>
  )
}
