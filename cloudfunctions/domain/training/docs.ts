import type { CourseStatus, QuestionKind, TrainingLine } from '../../contracts/training-labels'

export interface LessonDoc {
  /** `l` and letters/digits: safe as a field name in a progress document's `read` map. */
  id: string
  title: string
  scene: string
  paragraphs: string[]
  photos: string[]
  videoUrl: string | null
  checklist: string[]
}

export interface QuestionDoc {
  text: string
  kind: QuestionKind
  options: { text: string; correct: boolean }[]
}

export interface CourseDoc {
  _id: string
  communityId: string
  line: TrainingLine
  title: string
  summary: string
  cover: string | null
  requiredFor: boolean
  status: CourseStatus
  lessons: LessonDoc[]
  questions: QuestionDoc[]
  passPercent: number
  /** Rises when the questions or the pass mark change; answers and certificates name the one they met. */
  quizVersion: number
  /** `${userId}:${clientRequestId}` of the 新建 that made it, unique. */
  requestKey: string
  createdAt: number
  createdBy: string
  publishedAt: number | null
  updatedAt: number
  updatedBy: string
  updatedByName: string
}

export interface ProgressDoc {
  /** `${courseId}:${userId}` */
  _id: string
  courseId: string
  userId: string
  communityId: string
  /** Lesson id → when it was first marked read. */
  read: Record<string, number>
  updatedAt: number
}

export interface AttemptDoc {
  /** `${courseId}:${userId}:${clientRequestId}` */
  _id: string
  courseId: string
  userId: string
  communityId: string
  quizVersion: number
  answers: number[][]
  results: boolean[]
  scorePercent: number
  passPercent: number
  passed: boolean
  at: number
}

export interface CertificateDoc {
  /** `${courseId}:${userId}`: one a butler a course, whatever submissions race. */
  _id: string
  courseId: string
  courseTitle: string
  userId: string
  communityId: string
  line: TrainingLine
  scorePercent: number
  /** The quiz it was earned on: a later edit of the quiz leaves it standing. */
  quizVersion: number
  attemptId: string
  issuedAt: number
}
