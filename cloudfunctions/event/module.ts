import { callerIdentity } from '../kernel/identity'
import type { ActionContract } from '../contracts/define'
import { eventContracts } from '../contracts/event'
import { localEventPorts } from '../adapters/event/local'
import { checkIn, ticket, ticketCode } from '../domain/event/checkin'
import { feedbackSummary, listIdeas, submitFeedback, updateIdea } from '../domain/event/feedback'
import { invitePoster, inviteStats, recordVisit, shareInvite } from '../domain/event/invites'
import { runCloseEvents, runReminders } from '../domain/event/jobs'
import type { EventHandler, EventPorts } from '../domain/event/ports'
import { get, list, mine } from '../domain/event/queries'
import { cancel, signUp } from '../domain/event/signup'
import { create, editorOptions, exportAttendees, signups, update } from '../domain/event/staff'
import { type ActionHandler, defineModule } from '../kernel/module'
import type { Ports } from '../kernel/ports'
import { fail } from '../kernel/result'

/**
 * The event function. Its platform adapters (rewards, group open data, poster codes) differ
 * between CloudBase and the local server, so the module is built from a wiring function:
 * index.ts passes the CloudBase one, modules.ts (local server, jobs, tests) the local one.
 */
export function createEventModule(wire: (ports: Ports) => EventPorts) {
  const cache = new WeakMap<Ports, EventPorts>()
  const eventPorts = (ports: Ports) => {
    let ev = cache.get(ports)
    if (!ev) cache.set(ports, (ev = wire(ports)))
    return ev
  }
  const bind =
    <C extends ActionContract>(h: EventHandler<C>): ActionHandler<C> =>
    ({ actor, identity, ...ctx }, input) => {
      // Every event action needs a registered caller; the runtime refuses anyone else first.
      const caller = callerIdentity(identity)
      return actor && caller ? h({ ...ctx, identity: caller, actor, ev: eventPorts(ctx.ports) }, input) : Promise.resolve(fail('AUTH.NOT_REGISTERED', '请先登录'))
    }

  return defineModule({
    fn: 'event',
    contracts: eventContracts,
    handlers: {
      list: bind(list),
      get: bind(get),
      editorOptions: bind(editorOptions),
      create: bind(create),
      update: bind(update),
      signUp: bind(signUp),
      cancel: bind(cancel),
      mine: bind(mine),
      ticket: bind(ticket),
      ticketCode: bind(ticketCode),
      checkIn: bind(checkIn),
      signups: bind(signups),
      exportAttendees: bind(exportAttendees),
      submitFeedback: bind(submitFeedback),
      feedbackSummary: bind(feedbackSummary),
      listIdeas: bind(listIdeas),
      updateIdea: bind(updateIdea),
      shareInvite: bind(shareInvite),
      invitePoster: bind(invitePoster),
      inviteStats: bind(inviteStats),
      recordVisit: bind(recordVisit)
    },
    jobs: [
      {
        name: 'event-reminders',
        cron: '0 */5 * * * * *',
        summary: '每 5 分钟：活动前一天与前一小时提醒已报名住户（订阅消息 + 站内信）',
        run: (ports) => runReminders(ports)
      },
      {
        name: 'event-close',
        cron: '0 10 * * * * *',
        summary: '每小时：结束的活动标记未到场；修复中断请求留下的席位计数',
        run: (ports) => runCloseEvents(ports)
      }
    ],
    memoryMB: 256,
    timeoutSec: 20
  })
}

export const eventModule = createEventModule(localEventPorts)
