import type { trainingContracts } from '../../contracts/training'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import { ok } from '../../kernel/result'
import type { CertificateDoc, CourseDoc } from './docs'

type C = typeof trainingContracts

/**
 * Whether the caller holds a certificate for every published course required for the line.
 * A certificate earned on an earlier version of a quiz counts: editing a course never locks out
 * a butler who passed it.
 */
export const gate: ActionHandler<C['gate']> = async ({ ports, actor }, input) => {
  const { communityId } = actor
  const [required, held] = await Promise.all([
    ports.store.find<CourseDoc>('trainingCourses', { where: { communityId, line: input.line, status: 'published', requiredFor: true }, limit: 500 }),
    findAll<CertificateDoc>(ports.store, 'trainingCertificates', { userId: actor.user._id, communityId })
  ])
  const passed = new Set(held.map((c) => c.courseId))
  const missing = required.filter((c) => !passed.has(c._id)).map((c) => ({ courseId: c._id, title: c.title }))
  return ok({ open: missing.length === 0, missing })
}
