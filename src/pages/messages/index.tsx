import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { useSession } from '../../client'
import { refreshBadge, takeMessagesTab } from '../../services/badge'
import { Segmented } from '../../ui/kit'
import { PageShell } from '../../ui/shell'
import { InboxList } from './inbox'
import { NoticeList } from './notices'
import './index.scss'

type Tab = 'inbox' | 'notices'

/**
 * 消息: the user's own messages (bills, orders, bookings, events, rewards, work) and, for a
 * resident, the community's notices for their home. The tab's badge counts the unread of both.
 */
export default function MessagesPage() {
  const { me } = useSession()
  const current = me?.current
  const resident = current?.role === 'resident' ? current : null
  const [tab, setTab] = useState<Tab>(() => takeMessagesTab() ?? 'inbox')
  const [unread, setUnread] = useState({ inbox: 0, notices: 0 })
  // Bumped on pull-down: both lists reload.
  const [round, setRound] = useState(0)

  const badge = () => void refreshBadge().then((u) => u && setUnread(u))
  useDidShow(() => {
    const asked = takeMessagesTab()
    if (asked) setTab(asked)
    badge()
  })
  usePullDownRefresh(() => {
    setRound((r) => r + 1)
    badge()
    void Taro.stopPullDownRefresh()
  })

  const showing: Tab = resident ? tab : 'inbox'
  return (
    <PageShell id='messages' className='messages'>
      {resident ? (
        <Segmented<Tab>
          id='messages-tabs'
          value={showing}
          onChange={setTab}
          options={[
            { value: 'inbox', label: '通知', badge: unread.inbox },
            { value: 'notices', label: '社区公告', badge: unread.notices }
          ]}
        />
      ) : null}
      {showing === 'inbox' ? (
        <InboxList key={`inbox-${round}`} onRead={badge} staff={Boolean(current && current.role !== 'resident')} />
      ) : resident ? (
        <NoticeList key={`notices-${round}-${resident.communityId}`} communityId={resident.communityId} />
      ) : null}
    </PageShell>
  )
}
