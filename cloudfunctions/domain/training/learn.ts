import type { trainingContracts } from '../../contracts/training'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { ProgressDoc } from './docs'
import { courseNotFound, takeable } from './find'
import { lessonsRead, myCourseView, openCourseView, progressView } from './views'

type C = typeof trainingContracts

export const progressId = (courseId: string, userId: string) => `${courseId}:${userId}`

/** Published courses of the community, the caller's lessons read, attempts and certificates: one round trip. */
export const myCourses: ActionHandler<C['myCourses']> = async ({ ports, actor }) => {
  const { communityId } = actor
  const userId = actor.user._id
  const [courses, progress, attempts, certificates] = await Promise.all([
    ports.store.find('trainingCourses', { where: { communityId, status: 'published' }, orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: 500 }),
    findAll(ports.store, 'trainingProgress', { userId, communityId }),
    findAll(ports.store, 'trainingAttempts', { userId, communityId }),
    findAll(ports.store, 'trainingCertificates', { userId, communityId })
  ])
  const progressOf = new Map(progress.map((p) => [p.courseId, p]))
  const certificateOf = new Map(certificates.map((c) => [c.courseId, c]))
  // Required courses first, then the ones still to pass: what the butler should take next leads.
  const items = courses
    .map((c) => myCourseView(c, progressView(c, progressOf.get(c._id) ?? null, attempts, certificateOf.get(c._id) ?? null)))
    .sort((a, b) => Number(b.requiredFor) - Number(a.requiredFor) || Number(a.progress.certificate !== null) - Number(b.progress.certificate !== null))
  return ok({ items })
}

async function courseWithMine(ports: Ports, courseId: string, userId: string) {
  return Promise.all([
    ports.store.get('trainingCourses', courseId),
    ports.store.get('trainingProgress', progressId(courseId, userId)),
    ports.store.get('trainingCertificates', progressId(courseId, userId))
  ])
}

export const open: ActionHandler<C['open']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const [[course, progress, certificate], attempts] = await Promise.all([
    courseWithMine(ports, input.id, userId),
    ports.store.find('trainingAttempts', { where: { courseId: input.id, userId }, limit: 1000 })
  ])
  if (!takeable(course, actor)) return courseNotFound()
  return ok(openCourseView(course, progress, attempts, certificate))
}

/**
 * Marks a lesson read: one `set` of its entry in the butler's progress document, made on the
 * first lesson; a lesson read again changes nothing.
 */
export const readLesson: ActionHandler<C['readLesson']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const [course, progress] = await Promise.all([
    ports.store.get('trainingCourses', input.courseId),
    ports.store.get('trainingProgress', progressId(input.courseId, userId))
  ])
  if (!takeable(course, actor)) return courseNotFound('courseId')
  if (!course.lessons.some((l) => l.id === input.lessonId)) {
    return fail('TRAINING.LESSON_NOT_FOUND', '这节课已被修改或删除，请返回课程重新打开', [{ path: 'lessonId', label: '课时', message: '课程里没有这节课' }])
  }
  const now = ports.clock.now()
  const counts = (p: ProgressDoc | null) => ok({ lessons: course.lessons.length, lessonsRead: lessonsRead(course, p) })
  if (progress?.read[input.lessonId] !== undefined) return counts(progress)
  // The lesson id is one of the course's own (`l` + letters and digits), so it is a safe field name.
  const mark = { [`read.${input.lessonId}`]: now, updatedAt: now }
  if (progress) {
    await ports.store.update('trainingProgress', progress._id, { set: mark })
    return counts({ ...progress, read: { ...progress.read, [input.lessonId]: now } })
  }
  const doc: ProgressDoc = { _id: progressId(course._id, userId), courseId: course._id, userId, communityId: course.communityId, read: { [input.lessonId]: now }, updatedAt: now }
  const inserted = await ports.store.insert('trainingProgress', doc)
  if (inserted.ok) return counts(doc)
  // Another lesson was marked at the same moment and made the document first: add this one to it.
  await ports.store.update('trainingProgress', doc._id, { set: mark })
  return counts(await ports.store.get('trainingProgress', doc._id))
}
