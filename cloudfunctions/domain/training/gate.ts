import type { trainingContracts } from '../../contracts/training'
import type { TrainingLine } from '../../contracts/training-labels'
import type { ActionHandler } from '../../kernel/module'
import { findAll } from '../../kernel/paging'
import type { Ports } from '../../kernel/ports'
import { ok } from '../../kernel/result'

type C = typeof trainingContracts

/**
 * The published courses required for the line that the user holds no certificate for. A
 * certificate earned on an earlier version of a quiz counts: editing a course never locks out a
 * butler who passed it. The selling kit opens only when this is empty.
 */
export async function missingRequired(ports: Ports, communityId: string, userId: string, line: TrainingLine): Promise<{ courseId: string; title: string }[]> {
  const [required, held] = await Promise.all([
    ports.store.find('trainingCourses', { where: { communityId, line, status: 'published', requiredFor: true }, limit: 500 }),
    findAll(ports.store, 'trainingCertificates', { userId, communityId })
  ])
  const passed = new Set(held.map((c) => c.courseId))
  return required.filter((c) => !passed.has(c._id)).map((c) => ({ courseId: c._id, title: c.title }))
}

/** Whether the caller holds a certificate for every published course required for the line. */
export const gate: ActionHandler<C['gate']> = async ({ ports, actor }, input) => {
  const missing = await missingRequired(ports, actor.communityId, actor.user._id, input.line)
  return ok({ open: missing.length === 0, missing })
}
