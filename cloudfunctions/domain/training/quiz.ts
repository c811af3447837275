import type { trainingContracts } from '../../contracts/training'
import type { ActionHandler } from '../../kernel/module'
import type { Ports } from '../../kernel/ports'
import { fail, ok } from '../../kernel/result'
import type { AttemptDoc, CertificateDoc, CourseDoc } from './docs'
import { courseNotFound, takeable } from './find'
import { progressId } from './learn'
import { scoreQuiz } from './scoring'
import { certificateView } from './views'

type C = typeof trainingContracts

/**
 * The certificate of a passed attempt, under the key `${courseId}:${userId}`: of any number of
 * passing submissions racing, one insert lands and the rest read it. Null when none was earned.
 */
async function settle(ports: Ports, course: CourseDoc, attempt: AttemptDoc, held: CertificateDoc | null): Promise<CertificateDoc | null> {
  if (held || !attempt.passed) return held
  const doc: CertificateDoc = {
    _id: progressId(course._id, attempt.userId),
    courseId: course._id,
    courseTitle: course.title,
    userId: attempt.userId,
    communityId: course.communityId,
    line: course.line,
    scorePercent: attempt.scorePercent,
    quizVersion: attempt.quizVersion,
    attemptId: attempt._id,
    issuedAt: attempt.at
  }
  const inserted = await ports.store.insert('trainingCertificates', doc)
  if (inserted.ok) return doc
  return ports.store.get('trainingCertificates', doc._id)
}

/** What a submission is told; a retry of it is told the same, since the certificate names the attempt that earned it. */
function answer(attempt: AttemptDoc, certificate: CertificateDoc | null) {
  return ok({
    scorePercent: attempt.scorePercent,
    passed: attempt.passed,
    passPercent: attempt.passPercent,
    correct: attempt.results.filter(Boolean).length,
    total: attempt.results.length,
    results: attempt.results,
    certificate: certificate ? certificateView(certificate) : null,
    newlyCertified: certificate?.attemptId === attempt._id
  })
}

/**
 * Scores on the server against the quiz the butler opened, records the attempt (once per
 * request id) and, on a pass, issues the course's one certificate. A retried submission answers
 * as the first did.
 */
export const submitQuiz: ActionHandler<C['submitQuiz']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const attemptId = `${input.courseId}:${userId}:${input.clientRequestId}`
  const [course, held, prior] = await Promise.all([
    ports.store.get('trainingCourses', input.courseId),
    ports.store.get('trainingCertificates', progressId(input.courseId, userId)),
    ports.store.get('trainingAttempts', attemptId)
  ])
  if (!takeable(course, actor)) return courseNotFound('courseId')
  if (prior) return answer(prior, await settle(ports, course, prior, held))
  if (input.quizVersion !== course.quizVersion) {
    return fail('TRAINING.QUIZ_CHANGED', '测验刚刚更新过，请重新打开课程后作答', [{ path: 'quizVersion', label: '测验版本', message: '测验已更新' }])
  }
  const scored = scoreQuiz(course.questions, input.answers)
  if (!scored.ok) return fail('TRAINING.ANSWERS_MISMATCH', `答案与测验不符：${scored.message}`, scored.fields)
  const attempt: AttemptDoc = {
    _id: attemptId,
    courseId: course._id,
    userId,
    communityId: course.communityId,
    quizVersion: course.quizVersion,
    answers: input.answers,
    results: scored.results,
    scorePercent: scored.scorePercent,
    passPercent: course.passPercent,
    passed: scored.scorePercent >= course.passPercent,
    at: ports.clock.now()
  }
  const inserted = await ports.store.insert('trainingAttempts', attempt)
  const recorded = inserted.ok ? attempt : await ports.store.get('trainingAttempts', attemptId)
  if (!recorded) return fail('TRAINING.EDIT_CONFLICT', '提交未完成，请重试')
  return answer(recorded, await settle(ports, course, recorded, held))
}
