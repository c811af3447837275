import type { OutputOf } from '@contracts/registry'
import type { Tone } from '../../ui/kit'
import { formatDate } from '../../utils/time'

type MyCourse = OutputOf<'training.myCourses'>['items'][number]
type Progress = MyCourse['progress']

/** Where the butler stands in a course, as one chip: certified, started, or not yet. */
export function courseChip(p: Progress): { text: string; tone: Tone } {
  if (p.certificate) return { text: '已获证书', tone: 'primary' }
  if (p.lessonsRead > 0 || p.attempts > 0) return { text: '学习中', tone: 'accent' }
  return { text: '未开始', tone: 'muted' }
}

/** `已学 2/3 节 · 最高 75 分（及格 80 分）`: lessons read, then the certificate or the best score against the pass mark. */
export function progressText(p: Progress, passPercent: number): string {
  const lessons = `已学 ${p.lessonsRead}/${p.lessons} 节`
  if (p.certificate) return `${lessons} · ${p.certificate.scorePercent} 分，${formatDate(p.certificate.issuedAt)} 取得证书`
  if (p.bestPercent === null) return `${lessons} · 测验未参加（及格 ${passPercent} 分）`
  return `${lessons} · 最高 ${p.bestPercent} 分（及格 ${passPercent} 分）`
}
