import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS, type ComplaintStatus } from '../../contracts/booking'
import { DELIVERY_LABELS } from '../../contracts/desk-chat'
import type { TONES } from '../../contracts/desk-household'
import { CHANNEL_LABELS, WORK_STATUS_LABELS, WORK_TYPE_LABELS, type WorkStatus } from '../../contracts/desk-kinds'
import { FOLLOW_CHANNEL_LABELS } from '../../contracts/insights-labels'
import { SURVEY_CHANNEL_LABELS } from '../../contracts/survey-kinds'
import { getMany } from '../../kernel/paging'
import type { ComplaintDoc } from '../booking/docs'
import type { FollowLogDoc } from '../insights/docs'
import type { SurveyResponseDoc } from '../message/docs'
import { maskName } from '../user/format'
import type { ChatMessageDoc, WorkOrderDoc } from './docs'
import { type Part, definePart, noSide } from './household-part'
import { clip, joinDetail } from './household-text'

type Tone = (typeof TONES)[number]

const WORK_TONES: Record<WorkStatus, Tone> = { open: 'warning', accepted: 'primary', arrived: 'primary', done: 'primary', visited: 'success', cancelled: 'default' }

/** Work orders with their number (what a clerk reads out), channel and who holds them; a breach shows. */
export const workOrders: Part = definePart<WorkOrderDoc, null>({
  collection: 'workOrders',
  timeField: 'createdAt',
  timeOf: (w) => w.createdAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs) =>
    docs.map((w) => {
      const live = w.status === 'open' || w.status === 'accepted' || w.status === 'arrived'
      return {
        id: w._id,
        at: w.createdAt,
        title: `${WORK_TYPE_LABELS[w.type]} · ${clip(w.text, 24)}`,
        detail: joinDetail(
          `工单 ${w.no}`,
          CHANNEL_LABELS[w.channel],
          w.assigneeName && `处理人 ${w.assigneeName}`,
          w.reopenCount > 0 && `重开 ${w.reopenCount} 次`,
          w.visit && `回访 ${w.visit.score ? `${w.visit.score} 分` : w.visit.by === 'call' ? '已电话回访' : ''}`
        ),
        status: live && w.breached ? `${WORK_STATUS_LABELS[w.status]} · 已超时` : WORK_STATUS_LABELS[w.status],
        tone: live && w.breached ? 'danger' : WORK_TONES[w.status],
        amountFen: null
      }
    })
})

const COMPLAINT_TONES: Record<ComplaintStatus, Tone> = { open: 'warning', processing: 'primary', resolved: 'success', closed: 'success' }

export const complaints: Part = definePart<ComplaintDoc, null>({
  collection: 'complaints',
  timeField: 'createdAt',
  timeOf: (c) => c.createdAt,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs) =>
    docs.map((c) => ({
      id: c._id,
      at: c.createdAt,
      title: `${COMPLAINT_CATEGORY_LABELS[c.category]} · ${clip(c.text, 24)}`,
      detail: joinDetail(c.response ? `答复：${clip(c.response, 40)}` : '尚未答复', c.rating && `住户评价 ${c.rating.score} 星`),
      status: COMPLAINT_STATUS_LABELS[c.status],
      tone: COMPLAINT_TONES[c.status],
      amountFen: null
    }))
})

/** Survey answers under the survey's title, read alongside by id; anonymous ones say only that they came. */
export const surveys: Part = definePart<SurveyResponseDoc, null>({
  collection: 'surveyResponses',
  timeField: 'at',
  timeOf: (r) => r.at,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: async (docs, _side, ctx) => {
    const found = await getMany(ctx.ports.store, 'surveys', docs.map((r) => r.surveyId))
    return docs.map((r) => {
      const s = found.get(r.surveyId)
      return {
        id: r._id,
        at: r.at,
        title: s?.title ?? '问卷',
        detail: joinDetail(SURVEY_CHANNEL_LABELS[r.channel], s?.anonymous ? '匿名问卷' : `答了 ${Object.keys(r.answers).length} 题`, r.enteredBy && '管家代填'),
        status: '已提交',
        tone: 'success',
        amountFen: null
      }
    })
  }
})

/** The butlers' follow-up notes, with who wrote each (staff names are not masked). */
export const followUps: Part = definePart<FollowLogDoc, null>({
  collection: 'followLogs',
  timeField: 'at',
  timeOf: (f) => f.at,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: async (docs, _side, ctx) => {
    const butlers = await getMany(ctx.ports.store, 'users', docs.map((f) => f.butlerUserId))
    return docs.map((f) => ({
      id: f._id,
      at: f.at,
      title: `${FOLLOW_CHANNEL_LABELS[f.channel]}跟进`,
      detail: joinDetail(clip(f.note, 60), butlers.get(f.butlerUserId)?.nickname),
      status: f.caseId ? '流失预警跟进' : '已记录',
      tone: 'default',
      amountFen: null
    }))
  }
})

const CHAT_TITLES: Record<ChatMessageDoc['dir'], string> = { in: '住户留言', out: '客服回复', note: '内部备注' }

/** The 客服 conversation as lines of the file: a resident's own name masked, staff named. */
export const chat: Part = definePart<ChatMessageDoc, null>({
  collection: 'chatMessages',
  timeField: 'at',
  timeOf: (m) => m.at,
  where: (ctx) => ({ householdId: ctx.householdId }),
  side: noSide,
  rows: (docs) =>
    docs.map((m) => ({
      id: m._id,
      at: m.at,
      title: CHAT_TITLES[m.dir],
      detail: joinDetail(
        m.kind === 'image' ? '[图片]' : m.kind === 'card' ? `[小程序卡片] ${clip(m.text, 30)}` : clip(m.text, 60),
        m.dir === 'in' ? maskName(m.byName) : m.byName
      ),
      status: m.dir === 'in' ? '来自住户' : m.delivery === 'failed' ? '发送失败' : DELIVERY_LABELS[m.delivery] || '已记录',
      tone: m.delivery === 'failed' ? 'danger' : m.dir === 'in' ? 'primary' : 'default',
      amountFen: null
    }))
})
