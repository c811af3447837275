import { type RatingDimension, type eventContracts, rewardText } from '../../contracts/event'
import { findAll, getMany } from '../../kernel/paging'
import { fail, ok } from '../../kernel/result'
import { eventInCommunity } from './access'
import { grantReward } from './checkin'
import type { FeedbackDoc, IdeaDoc } from './docs'
import type { EventHandler } from './ports'

type C = typeof eventContracts

/** Feedback is taken from the start of the event until 30 days after its end. */
export const FEEDBACK_DAYS = 30

export const submitFeedback: EventHandler<C['submitFeedback']> = async ({ ports, actor, ev }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const now = ports.clock.now()
  if (now < e.startAt || now > e.endAt + FEEDBACK_DAYS * 86400_000) return fail('FEEDBACK.NOT_OPEN', '活动开始后才能评价，结束 30 天后关闭')
  const [attended] = await ports.store.find('eventSignups', {
    where: { eventId: e._id, userId: actor.user._id, status: 'checkedIn' },
    limit: 1
  })
  if (!attended) return fail('FEEDBACK.NOT_ATTENDED', '签到参加活动后才能评价')
  const doc: FeedbackDoc = {
    _id: `${e._id}:${actor.user._id}`,
    eventId: e._id,
    communityId: e.communityId,
    userId: actor.user._id,
    ratings: input.ratings,
    comment: input.comment,
    ideas: input.ideas,
    createdAt: now
  }
  const fresh = (await ports.store.insert('eventFeedback', doc)).ok
  const stored = fresh ? doc : await ports.store.get('eventFeedback', doc._id)
  if (!stored) return fail('INTERNAL.ERROR', '提交失败，请重试')
  // Everything after the feedback row is idempotent and `feedbackAt` (which closes the form) comes
  // last: a crash anywhere leaves the form open, and the resubmission finishes from the stored row.
  const completed = attended.feedbackAt !== undefined
  if (stored.ideas) await ports.store.insert('serviceIdeas', ideaOf(stored)) // DUPLICATE: already on the board
  const granted = await grantReward(ports, ev, e, actor.user._id, 'feedback')
  if (!completed) await ports.store.update('eventSignups', attended._id, { set: { feedbackAt: stored.createdAt, updatedAt: now } }, { feedbackAt: null })
  if (!fresh && completed) return fail('FEEDBACK.ALREADY_SUBMITTED', '你已评价过这场活动')
  // A resubmission that finished an interrupted one reports the reward that feedback earned.
  const reward = e.rewards.feedback
  return ok({ rewardText: granted ?? (!fresh && reward ? rewardText(reward) : null) })
}

/** The feedback's idea for the board: its `_id` is the feedback's, so it is written once. */
function ideaOf(f: FeedbackDoc): IdeaDoc {
  return {
    _id: f._id,
    communityId: f.communityId,
    eventId: f.eventId,
    userId: f.userId,
    text: f.ideas,
    tags: [],
    status: 'new',
    createdAt: f.createdAt,
    updatedAt: f.createdAt
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10

export const feedbackSummary: EventHandler<C['feedbackSummary']> = async ({ ports, actor }, input) => {
  const e = await eventInCommunity(ports, actor, input.eventId)
  if (!e) return fail('EVENT.NOT_FOUND', '活动不存在或不属于当前社区')
  const all = await findAll(ports.store, 'eventFeedback', { eventId: e._id })
  const attended = await ports.store.count('eventSignups', { eventId: e._id, status: 'checkedIn' })
  const avg = (k: RatingDimension) => (all.length ? round1(all.reduce((n, f) => n + f.ratings[k], 0) / all.length) : 0)
  const users = await getMany(ports.store, 'users', all.map((f) => f.userId))
  const comments = all
    .filter((f) => f.comment)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((f) => ({ text: f.comment, authorName: users.get(f.userId)?.nickname ?? '', createdAt: f.createdAt }))
  return ok({
    eventTitle: e.title,
    responses: all.length,
    attended,
    averages: { content: avg('content'), organisation: avg('organisation'), service: avg('service') },
    comments
  })
}

async function ideaViews(ports: Parameters<EventHandler<C['listIdeas']>>[0]['ports'], ideas: IdeaDoc[]) {
  const events = await getMany(ports.store, 'events', ideas.map((i) => i.eventId))
  const users = await getMany(ports.store, 'users', ideas.map((i) => i.userId))
  return ideas.map((i) => ({
    id: i._id,
    eventId: i.eventId,
    eventTitle: events.get(i.eventId)?.title ?? '',
    text: i.text,
    authorName: users.get(i.userId)?.nickname ?? '',
    tags: i.tags,
    status: i.status,
    createdAt: i.createdAt
  }))
}

export const listIdeas: EventHandler<C['listIdeas']> = async ({ ports, actor }, input) => {
  const ideas = await ports.store.find('serviceIdeas', {
    where: input.status ? { communityId: actor.communityId, status: input.status } : { communityId: actor.communityId },
    orderBy: [{ field: 'createdAt', dir: 'desc' }],
    limit: 500
  })
  return ok({ ideas: await ideaViews(ports, ideas) })
}

export const updateIdea: EventHandler<C['updateIdea']> = async ({ ports, actor }, input) => {
  const idea = await ports.store.get('serviceIdeas', input.id)
  if (!idea || idea.communityId !== actor.communityId) return fail('IDEA.NOT_FOUND', '创意不存在')
  const tags = [...new Set(input.tags)]
  const now = ports.clock.now()
  await ports.store.update('serviceIdeas', idea._id, { set: { status: input.status, tags, updatedAt: now } })
  const [v] = await ideaViews(ports, [{ ...idea, status: input.status, tags, updatedAt: now }])
  return v ? ok(v) : fail('INTERNAL.ERROR', '保存失败')
}
