import type { Ports } from '../../kernel/ports'
import type { ChatMessageDoc, WorkOrderDoc } from './docs'

/** The conversation a work order was made from says so, in its record and on its timeline. */
export async function linkChatToWorkOrder(ports: Ports, communityId: string, chatId: string, wo: WorkOrderDoc): Promise<void> {
  const chat = await ports.store.get('chats', chatId)
  if (!chat || chat.communityId !== communityId) return
  const note: ChatMessageDoc = {
    _id: `note:${wo._id}`,
    chatId,
    communityId,
    householdId: wo.householdId,
    dir: 'note',
    kind: 'text',
    text: `已转为工单 ${wo.no}（${wo.assigneeName || '待派单'}）`,
    imageUrl: null,
    at: ports.clock.now(),
    byUserId: wo.createdByUserId,
    byName: '',
    delivery: 'received'
  }
  await Promise.all([
    ports.store.update('chats', chatId, { set: { workOrderId: wo._id, workOrderNo: wo.no, unanswered: false } }),
    ports.store.insert('chatMessages', note)
  ])
}
