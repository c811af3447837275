import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeCard as Card } from '@contracts/message'
import { NOTICE_CATEGORY_LABELS } from '@contracts/message-kinds'
import { formatDate } from '../../utils/time'
import { Chip, Img } from '../../ui/kit'
import { noticeLink } from './link'
import './index.scss'

/** One notice in a list: what kind, whether pinned or important, its first lines and photo; unread ones carry a dot. */
export function NoticeCard({ notice, communityId }: { notice: Card; communityId: string }) {
  return (
    <View
      id={`notice-${notice.id}`}
      className={`notice-card${notice.read ? '' : ' notice-card--unread'}`}
      hoverClass='notice-card--pressed'
      onClick={() => void Taro.navigateTo({ url: noticeLink(notice.id, communityId) })}
    >
      <View className='notice-card__body'>
        <View className='notice-card__chips'>
          {notice.pinned ? <Chip text='置顶' tone='primary' /> : null}
          {notice.important ? <Chip text='重要' tone='danger' /> : null}
          <Chip text={NOTICE_CATEGORY_LABELS[notice.category]} tone={notice.category === 'outage' ? 'accent' : 'info'} />
        </View>
        <Text className='notice-card__title'>{notice.title}</Text>
        {notice.excerpt ? <Text className='notice-card__excerpt'>{notice.excerpt}</Text> : null}
        <Text className='notice-card__date'>{formatDate(notice.publishAt)}</Text>
      </View>
      {notice.cover ? <Img src={notice.cover} size='thumb' className='notice-card__cover' /> : null}
    </View>
  )
}
