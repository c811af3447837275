import { messageContracts } from '../contracts/message'
import { inbox, markAllRead, markRead, unread } from '../domain/message/inbox'
import { editableNotice, feed, notice, noticeOptions, saveNotice, staffNotices, withdrawNotice } from '../domain/message/notices'
import { gridUnread, noticeStats, nudge } from '../domain/message/reach'
import { defineModule } from '../kernel/module'

export const messageModule = defineModule({
  fn: 'message',
  contracts: messageContracts,
  handlers: { inbox, unread, markRead, markAllRead, feed, notice, saveNotice, withdrawNotice, noticeOptions, editableNotice, staffNotices, noticeStats, gridUnread, nudge },
  jobs: [],
  memoryMB: 256,
  timeoutSec: 10
})
