import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { TRAINING_LINE_LABELS } from '@contracts/training-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { photoSrc } from '../../../../services/upload'
import { formatDate } from '../../../../utils/time'
import { ActionBar, ButtonRow, Chip, Icon, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { quizLink } from '../../links'
import '../../butler.scss'

type Course = OutputOf<'training.open'>
type Lesson = Course['lessons'][number]

/**
 * The video opens outside the mini-program: a web-view needs the host registered as a business
 * domain, which a course's video site never is, so the link is copied for the browser.
 */
async function copyVideo(url: string) {
  await Taro.setClipboardData({ data: url })
  void Taro.showToast({ title: '视频链接已复制，请粘贴到浏览器观看', icon: 'none', duration: 2500 })
}

function LessonCard({ l, n, busy, onRead }: { l: Lesson; n: number; busy: boolean; onRead: () => void }) {
  return (
    <Section id={`lesson-${n}`} title={`第 ${n} 课 · ${l.title}`} extra={<Chip id={`lesson-${n}-state`} text={l.read ? '已学' : '未学'} tone={l.read ? 'primary' : 'muted'} />}>
      <Text className='bt-subtitle'>情境</Text>
      <Text className='bt-text bt-scene'>{l.scene}</Text>
      {l.paragraphs.map((p, i) => (
        <Text key={i} className='bt-text bt-para'>
          {p}
        </Text>
      ))}
      <PhotoStrip id={`lesson-${n}-photos`} ids={l.photos} srcOf={photoSrc} />
      <Text className='bt-subtitle bt-check__head'>话术要点</Text>
      {l.checklist.map((c, i) => (
        <View key={i} className='bt-check'>
          <Icon name='check' size='s' color='primary' />
          <Text className='bt-check__text'>{c}</Text>
        </View>
      ))}
      <ButtonRow>
        {l.videoUrl ? (
          <Button id={`lesson-${n}-video`} fill='outline' type='primary' onClick={() => void copyVideo(l.videoUrl ?? '')}>
            复制视频链接
          </Button>
        ) : null}
        {l.read ? null : (
          <Button id={`lesson-${n}-read`} type='primary' loading={busy} onClick={onRead}>
            本课已学完
          </Button>
        )}
      </ButtonRow>
    </Section>
  )
}

/** One course: its scenario lessons (情境课), each marked read as the butler finishes it, then the quiz. */
export default function CoursePage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.training.open({ id }), [id], { enabled: id !== '' })
  // Lessons being marked, each on its own: two tapped in a row both end as read.
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set())
  const mark = (lessonId: string, on: boolean) =>
    setBusy((prev) => {
      const next = new Set(prev)
      if (on) next.add(lessonId)
      else next.delete(lessonId)
      return next
    })

  const read = async (lessonId: string) => {
    const shown = q.data
    if (!shown || busy.has(lessonId)) return
    mark(lessonId, true)
    const r = await api.training.readLesson({ courseId: id, lessonId })
    mark(lessonId, false)
    if (!r.ok) {
      void Taro.showToast({ title: r.error.message, icon: 'none' })
      // The course was edited meanwhile: show it as it is now.
      void q.reload()
      return
    }
    // From the course as it is now, not as it was at the tap: another lesson may have been marked meanwhile.
    q.setData((now) => {
      const c = now ?? shown
      return {
        ...c,
        lessons: c.lessons.map((l) => (l.id === lessonId ? { ...l, read: true } : l)),
        progress: { ...c.progress, lessons: r.data.lessons, lessonsRead: r.data.lessonsRead }
      }
    })
  }

  return (
    <PageShell id='course-page' query={q}>
      {(c) => {
        const cert = c.progress.certificate
        const allRead = c.progress.lessonsRead >= c.progress.lessons
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>{c.title}</Text>
              <Text className='hero-sub'>
                {TRAINING_LINE_LABELS[c.line]}
                {c.requiredFor ? ' · 必修' : ''} · 已学 {c.progress.lessonsRead}/{c.progress.lessons} 节
              </Text>
              {c.summary ? <Text className='hero-sub'>{c.summary}</Text> : null}
            </View>
            {cert ? (
              <Notice tone='success' id='course-certified'>
                已获证书：{cert.scorePercent} 分，{formatDate(cert.issuedAt)} 取得
              </Notice>
            ) : null}
            {c.lessons.map((l, i) => (
              <LessonCard key={l.id} l={l} n={i + 1} busy={busy.has(l.id)} onRead={() => void read(l.id)} />
            ))}
            {allRead || cert ? null : <Notice tone='info'>还有 {c.progress.lessons - c.progress.lessonsRead} 节课没学完，建议学完再参加测验</Notice>}
            <ActionBar>
              <Button id='course-quiz' type='primary' block onClick={() => void Taro.navigateTo({ url: quizLink(c.id) })}>
                {cert ? '再测一次' : `参加测验（${c.quiz.questions.length} 题，${c.passPercent} 分及格）`}
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
