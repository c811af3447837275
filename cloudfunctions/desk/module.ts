import { deskContracts } from '../contracts/desk'
import { bookFor, bookingOptions } from '../domain/desk/book-for'
import { chat, chats, myChat, receiveWechatMessage, reply, sendChat } from '../domain/desk/chat'
import { find } from '../domain/desk/find'
import { orderFor, orderOptions } from '../domain/desk/order-for'
import { household, householdPart } from '../domain/desk/household'
import { runSlaSweep } from '../domain/desk/sla-job'
import { deskStats } from '../domain/desk/stats'
import { assignees, createWorkOrder, myWorkOrders, saveSlaRule, slaRules, workOrder, workOrders } from '../domain/desk/work-orders'
import { rateWorkOrder, reassign, reopen, residentWorkOrder, returnVisit, step } from '../domain/desk/work-steps'
import { defineModule } from '../kernel/module'

/** The service desk: finding a household, work orders and their SLA, 微信客服, the household 360. */
export const deskModule = defineModule({
  fn: 'desk',
  contracts: deskContracts,
  handlers: {
    find,
    createWorkOrder,
    workOrders,
    workOrder,
    myWorkOrders,
    step,
    reassign,
    reopen,
    returnVisit,
    residentWorkOrder,
    rateWorkOrder,
    assignees,
    slaRules,
    saveSlaRule,
    deskStats,
    chats,
    chat,
    reply,
    myChat,
    sendChat,
    household,
    householdPart,
    bookingOptions,
    orderOptions,
    orderFor,
    bookFor
  },
  jobs: [
    {
      name: 'desk-sla',
      cron: '0 * * * * * *',
      summary: '每分钟检查工单 SLA：超时提醒处理人，超时未处理升级给运营与调度',
      run: (ports) => runSlaSweep(ports)
    }
  ],
  wechatMessages: receiveWechatMessage,
  memoryMB: 256,
  timeoutSec: 10
})
