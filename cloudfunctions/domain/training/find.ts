import type { CommunityActor } from '../../kernel/actor'
import { fail } from '../../kernel/result'
import type { CourseDoc } from './docs'

/** Unknown, or another community's: the same answer, so ids of elsewhere are not confirmed. */
export function courseNotFound(path = 'id') {
  return fail('TRAINING.NOT_FOUND', '课程不存在或已下架', [{ path, label: '课程', message: '本社区没有这门课程' }])
}

export function inCommunity(course: CourseDoc | null, actor: CommunityActor): course is CourseDoc {
  return course !== null && course.communityId === actor.communityId
}

/** A course a butler may take: this community's, and published. */
export function takeable(course: CourseDoc | null, actor: CommunityActor): course is CourseDoc {
  return inCommunity(course, actor) && course.status === 'published'
}
