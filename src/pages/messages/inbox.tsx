import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MessageView } from '@contracts/message'
import { MESSAGE_GROUP_LABELS, type MessageGroup } from '@contracts/message-kinds'
import { api } from '../../client'
import { toastError } from '../../services/result'
import { askSubscriptions } from '../../services/subscribe'
import { whenText } from '../../utils/time'
import { Button } from '../../ui/nut'
import { ButtonRow, Icon, type IconName } from '../../ui/kit'
import { EmptyState, ErrorState, LoadingState, usePaged, useQuery } from '../../ui/shell'

/** Each group's icon; named here, in the main package's own code, so the icon build draws them in it. */
const GROUP_ICONS: Record<MessageGroup, IconName> = {
  bill: 'bill',
  order: 'order',
  service: 'service',
  event: 'event',
  member: 'gift',
  household: 'home',
  notice: 'notice',
  work: 'task',
  other: 'info'
}

/** What each kind of user most wants pushed (WeChat lets one tap ask for three templates). */
const PUSH_FIRST: Record<'resident' | 'staff', readonly string[]> = { resident: ['bill', 'service', 'order'], staff: ['work', 'notice', 'service'] }

/** The user's messages, newest first; tapping one marks it read and opens its page. */
export function InboxList({ onRead, staff }: { onRead(): void; staff: boolean }) {
  const p = usePaged(
    (cursor) => api.message.inbox(cursor ? { cursor } : {}),
    (page) => ({ items: page.items, cursor: page.cursor }),
    []
  )
  // What was read here since the list loaded, so a tap shows at once without reloading.
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())
  const [allRead, setAllRead] = useState(false)
  const [marking, setMarking] = useState(false)
  // Subscribe messages exist only in WeChat: the H5 build never offers them.
  const push = useQuery(() => api.message.subscribeOptions({}), [], { enabled: process.env.TARO_ENV === 'weapp', reloadOnShow: false })
  const wanted = (push.data?.templates ?? []).filter((t) => PUSH_FIRST[staff ? 'staff' : 'resident'].includes(t.key))

  const subscribe = async () => {
    const accepted = await askSubscriptions(wanted.map((t) => t.id))
    if (accepted === 'unsupported' || accepted.length === 0) return
    const res = await api.message.subscribe({ templates: wanted.filter((t) => accepted.includes(t.id)).map((t) => t.key) })
    if (!res.ok) return toastError(res.error)
    void Taro.showToast({ title: '已开启微信提醒', icon: 'success' })
  }

  if (p.items.length === 0) {
    if (p.error) return <ErrorState error={p.error} onRetry={() => void p.reload()} />
    if (p.loading) return <LoadingState />
    return <EmptyState title='暂无消息' hint='账单、订单、预约和活动的进展会在这里通知你' />
  }

  const isRead = (m: MessageView) => allRead || m.read || readHere.has(m.id)
  const unread = allRead ? 0 : (p.first?.unread ?? 0) - p.items.filter((m) => !m.read && readHere.has(m.id)).length

  const open = (m: MessageView) => {
    if (!isRead(m)) {
      setReadHere(new Set([...readHere, m.id]))
      void api.message.markRead({ messageIds: [m.id] }).then(onRead)
    }
    if (m.link) void Taro.navigateTo({ url: m.link })
  }

  const markAll = async () => {
    setMarking(true)
    const res = await api.message.markAllRead({})
    setMarking(false)
    if (!res.ok) return toastError(res.error)
    setAllRead(true)
    onRead()
  }

  return (
    <View id='inbox'>
      {wanted.length > 0 ? (
        <View className='messages__push' id='inbox-subscribe' onClick={() => void subscribe()}>
          <Text>开启微信提醒：{wanted.map((t) => t.label).join('、')}消息也推送到微信</Text>
        </View>
      ) : null}
      <View className='messages__bar'>
        <Text className='muted' id='inbox-unread'>
          {unread > 0 ? `${unread} 条未读` : '全部已读'}
        </Text>
        {unread > 0 ? (
          <Button id='inbox-read-all' size='small' fill='outline' type='primary' loading={marking} onClick={() => void markAll()}>
            全部已读
          </Button>
        ) : null}
      </View>
      <View className='messages__list'>
        {p.items.map((m) => (
          <View key={m.id} id={`message-${m.id}`} className={`message${isRead(m) ? '' : ' message--unread'}`} hoverClass='message--pressed' onClick={() => open(m)}>
            <View className={`message__icon message__icon--${m.group}`}>
              <Icon name={GROUP_ICONS[m.group]} size='m' />
            </View>
            <View className='message__body'>
              <View className='message__head'>
                <Text className='message__title'>{m.title}</Text>
                <Text className='message__when'>{whenText(m.createdAt, Date.now())}</Text>
              </View>
              <Text className='message__text'>{m.body}</Text>
              <Text className='message__meta'>
                {MESSAGE_GROUP_LABELS[m.group]}
                {m.communityName ? ` · ${m.communityName}` : ''}
                {m.link ? ' · 查看详情' : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>
      {p.hasMore ? (
        <ButtonRow>
          <Button id='inbox-more' fill='outline' type='primary' loading={p.loadingMore} onClick={() => void p.loadMore()}>
            加载更多
          </Button>
        </ButtonRow>
      ) : null}
    </View>
  )
}
