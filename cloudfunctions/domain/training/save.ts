import type { trainingContracts } from '../../contracts/training'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { CourseDoc } from './docs'
import { ALNUM, lessonsOf, questionsOf, sameQuiz } from './draft'
import { courseNotFound, inCommunity } from './find'
import { adminCourseView } from './views'

type C = typeof trainingContracts
type SaveInput = Parameters<ActionHandler<C['save']>>[1]

const conflict = () => fail('TRAINING.EDIT_CONFLICT', '课程刚被其他人修改或归档，请关闭后重新打开再改')

/** A new course, as a draft; the request key makes a retried 新建 answer with the course it made. */
async function create(ports: Ports, actor: CommunityActor, input: SaveInput) {
  const now = ports.clock.now()
  const draft = input.course
  const doc: CourseDoc = {
    _id: `c${ports.random.code(15, ALNUM)}`,
    communityId: actor.communityId,
    line: draft.line,
    title: draft.title,
    summary: draft.summary,
    cover: draft.cover,
    requiredFor: draft.requiredFor,
    status: 'draft',
    lessons: lessonsOf(ports, draft.lessons, []),
    questions: questionsOf(draft),
    passPercent: draft.quiz.passPercent,
    quizVersion: 1,
    requestKey: `${actor.user._id}:${input.clientRequestId}`,
    createdAt: now,
    createdBy: actor.user._id,
    publishedAt: null,
    updatedAt: now,
    updatedBy: actor.user._id,
    updatedByName: actor.user.nickname
  }
  const inserted = await ports.store.insert('trainingCourses', doc)
  if (inserted.ok) return ok(adminCourseView(doc, 0))
  const [twin] = await ports.store.find('trainingCourses', { where: { requestKey: doc.requestKey }, limit: 1 })
  if (!twin || !inCommunity(twin, actor)) return conflict()
  const certificates = await ports.store.count('trainingCertificates', { courseId: twin._id })
  return ok(adminCourseView(twin, certificates))
}

export const save: ActionHandler<C['save']> = async ({ ports, actor }, input) => {
  if (input.id === undefined) return create(ports, actor, input)
  const [course, certificates] = await Promise.all([
    ports.store.get('trainingCourses', input.id),
    ports.store.count('trainingCertificates', { courseId: input.id })
  ])
  if (!inCommunity(course, actor)) return courseNotFound()
  if (course.status === 'archived') return fail('TRAINING.ARCHIVED', '已归档的课程不能修改，请先重新发布')
  const draft = input.course
  const questions = questionsOf(draft)
  const now = ports.clock.now()
  const set = {
    line: draft.line,
    title: draft.title,
    summary: draft.summary,
    cover: draft.cover,
    requiredFor: draft.requiredFor,
    lessons: lessonsOf(ports, draft.lessons, course.lessons),
    questions,
    passPercent: draft.quiz.passPercent,
    // Certificates already issued keep the version they were earned on; only new answers meet the new quiz.
    quizVersion: sameQuiz(course, questions, draft.quiz.passPercent) ? course.quizVersion : course.quizVersion + 1,
    updatedAt: now,
    updatedBy: actor.user._id,
    updatedByName: actor.user.nickname
  }
  // Conditioned on what was read: of two editors saving at once, the second is told, not silently overwritten.
  const applied = await ports.store.update('trainingCourses', course._id, { set }, { updatedAt: course.updatedAt, status: { in: ['draft', 'published'] } })
  if (!applied) return conflict()
  return ok(adminCourseView({ ...course, ...set }, certificates))
}
