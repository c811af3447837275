import type { AdminCourseT, CourseRowT } from '../../contracts/training'
import type { AttemptDoc, CertificateDoc, CourseDoc, ProgressDoc } from './docs'

export function certificateView(c: CertificateDoc) {
  return { courseId: c.courseId, courseTitle: c.courseTitle, scorePercent: c.scorePercent, quizVersion: c.quizVersion, issuedAt: c.issuedAt }
}

export function adminCourseView(c: CourseDoc, certificates: number): AdminCourseT {
  return {
    id: c._id,
    line: c.line,
    title: c.title,
    summary: c.summary,
    cover: c.cover,
    requiredFor: c.requiredFor,
    status: c.status,
    lessons: c.lessons,
    quiz: { questions: c.questions, passPercent: c.passPercent },
    quizVersion: c.quizVersion,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
    updatedByName: c.updatedByName,
    certificates
  }
}

export function courseRow(c: CourseDoc, certificates: number): CourseRowT {
  return {
    id: c._id,
    line: c.line,
    title: c.title,
    cover: c.cover,
    status: c.status,
    requiredFor: c.requiredFor,
    lessons: c.lessons.length,
    questions: c.questions.length,
    passPercent: c.passPercent,
    certificates,
    updatedAt: c.updatedAt
  }
}

/** Lessons of the course as it stands that the butler has read: a removed lesson no longer counts. */
export function lessonsRead(c: CourseDoc, progress: ProgressDoc | null): number {
  return progress ? c.lessons.filter((l) => progress.read[l.id] !== undefined).length : 0
}

export function progressView(c: CourseDoc, progress: ProgressDoc | null, attempts: readonly AttemptDoc[], certificate: CertificateDoc | null) {
  const own = attempts.filter((a) => a.courseId === c._id)
  return {
    lessons: c.lessons.length,
    lessonsRead: lessonsRead(c, progress),
    attempts: own.length,
    bestPercent: own.length ? Math.max(...own.map((a) => a.scorePercent)) : null,
    certificate: certificate ? certificateView(certificate) : null
  }
}

export function myCourseView(c: CourseDoc, progress: ReturnType<typeof progressView>) {
  return { id: c._id, line: c.line, title: c.title, summary: c.summary, cover: c.cover, requiredFor: c.requiredFor, passPercent: c.passPercent, progress }
}

/** The course as a butler takes it: every option's text, never which is correct. */
export function openCourseView(c: CourseDoc, progress: ProgressDoc | null, attempts: readonly AttemptDoc[], certificate: CertificateDoc | null) {
  return {
    ...myCourseView(c, progressView(c, progress, attempts, certificate)),
    lessons: c.lessons.map((l) => ({ ...l, read: progress?.read[l.id] !== undefined })),
    quiz: { version: c.quizVersion, questions: c.questions.map((q) => ({ text: q.text, kind: q.kind, options: q.options.map((o) => o.text) })) }
  }
}
