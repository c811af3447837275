import type { CourseStatus } from '../../contracts/training-labels'
import type { trainingContracts } from '../../contracts/training'
import type { CommunityActor } from '../../kernel/actor'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import { courseNotFound, inCommunity } from './find'

type C = typeof trainingContracts

/**
 * Moves a course to `to` from any of `from` in one conditional update; a course already there is
 * answered as done, so a double click or a retry does nothing twice.
 */
async function move(ports: Ports, actor: CommunityActor, id: string, from: readonly CourseStatus[], to: CourseStatus) {
  const course = await ports.store.get('trainingCourses', id)
  if (!inCommunity(course, actor)) return courseNotFound()
  if (course.status === to) return ok({ id, status: to })
  const now = ports.clock.now()
  const set = { status: to, updatedAt: now, updatedBy: actor.user._id, updatedByName: actor.user.nickname, ...(to === 'published' ? { publishedAt: now } : {}) }
  const applied = await ports.store.update('trainingCourses', id, { set }, { status: { in: [...from] } })
  if (applied) return ok({ id, status: to })
  const now2 = await ports.store.get('trainingCourses', id)
  return now2?.status === to ? ok({ id, status: to }) : fail('TRAINING.EDIT_CONFLICT', '课程状态刚被其他人修改，请刷新后重试')
}

/** Published from a draft, or back from the archive: butlers of the community can take it at once. */
export const publish: ActionHandler<C['publish']> = ({ ports, actor }, input) => move(ports, actor, input.id, ['draft', 'archived'], 'published')

/** Out of the butlers' list; certificates earned on it stay, and it can be published again. */
export const archive: ActionHandler<C['archive']> = ({ ports, actor }, input) => move(ports, actor, input.id, ['draft', 'published'], 'archived')
