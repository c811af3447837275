import type { trainingContracts } from '../../contracts/training'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import { ok } from '../../kernel/result'
import { courseNotFound, inCommunity } from './find'
import { adminCourseView, courseRow } from './views'

type C = typeof trainingContracts

/** Courses newest-edited first, each with the certificates issued on it (one query of the community's certificates). */
export const list: ActionHandler<C['list']> = async ({ ports, actor }, input) => {
  const communityId = actor.communityId
  const [courses, certificates] = await Promise.all([
    ports.store.find('trainingCourses', { where: { communityId, status: input.status, line: input.line }, orderBy: [{ field: 'updatedAt', dir: 'desc' }], limit: 500 }),
    findAll(ports.store, 'trainingCertificates', { communityId })
  ])
  const issued = new Map<string, number>()
  for (const c of certificates) issued.set(c.courseId, (issued.get(c.courseId) ?? 0) + 1)
  return ok({ items: courses.map((c) => courseRow(c, issued.get(c._id) ?? 0)) })
}

export const get: ActionHandler<C['get']> = async ({ ports, actor }, input) => {
  const [course, certificates] = await Promise.all([ports.store.get('trainingCourses', input.id), ports.store.count('trainingCertificates', { courseId: input.id })])
  if (!inCommunity(course, actor)) return courseNotFound()
  return ok(adminCourseView(course, certificates))
}
