import { Button, Input, Textarea } from 'tdesign-react'
import { AddIcon, ArrowDownIcon, ArrowUpIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import { MAX_LESSONS } from '@contracts/training-labels'
import { Field } from '../../shell/Field'
import { PhotoField } from '../../shell/PhotoField'
import { type LessonForm, blankLesson, moved, statusUnder } from './course-form'

/** The scenario lessons in order: each a scene, its text, photos, a video link and the points to say and do. */
export function LessonsEditor({ lessons, onChange, error }: { lessons: LessonForm[]; onChange: (next: LessonForm[]) => void; error: ApiError | null }) {
  const set = (i: number, p: Partial<LessonForm>) => onChange(lessons.map((l, k) => (k === i ? { ...l, ...p } : l)))
  const at = (i: number, field: string) => statusUnder(error, `course.lessons.${i}.${field}`)
  return (
    <div className='training-list'>
      {lessons.map((l, i) => (
        <div className='training-item lesson-item' key={l.key}>
          <div className='training-item__head'>
            <strong>第 {i + 1} 课</strong>
            <span className='training-item__tools'>
              <Button variant='text' size='small' icon={<ArrowUpIcon />} disabled={i === 0} onClick={() => onChange(moved(lessons, i, -1))}>
                上移
              </Button>
              <Button variant='text' size='small' icon={<ArrowDownIcon />} disabled={i === lessons.length - 1} onClick={() => onChange(moved(lessons, i, 1))}>
                下移
              </Button>
              <Button variant='text' size='small' theme='danger' icon={<DeleteIcon />} disabled={lessons.length === 1} onClick={() => onChange(lessons.filter((_, k) => k !== i))}>
                删除
              </Button>
            </span>
          </div>
          <Field label='课时标题' required {...at(i, 'title')}>
            <Input className='lesson-title' value={l.title} placeholder='例如：业主群开团' onChange={(v) => set(i, { title: String(v) })} />
          </Field>
          <Field label='情境描述' required {...at(i, 'scene')}>
            <Textarea className='lesson-scene' value={l.scene} autosize={{ minRows: 2 }} placeholder='管家会遇到的场景，例如：周五晚上业主群里有人问水果团购' onChange={(v) => set(i, { scene: String(v) })} />
          </Field>
          <Field label='正文' help='段与段之间空一行' {...at(i, 'paragraphs')}>
            <Textarea className='lesson-body' value={l.body} autosize={{ minRows: 3 }} placeholder='怎么做、为什么这样做' onChange={(v) => set(i, { body: String(v) })} />
          </Field>
          <Field label='图片' {...at(i, 'photos')}>
            <PhotoField id={`lesson-photos-${i}`} label='图片' max={9} size={80} value={l.photos} onChange={(ids) => set(i, { photos: ids })} />
          </Field>
          <Field label='视频链接' help='选填，须以 https:// 开头' {...at(i, 'videoUrl')}>
            <Input className='lesson-video' value={l.videoUrl} placeholder='https://' onChange={(v) => set(i, { videoUrl: String(v) })} />
          </Field>
          <Field label='话术要点' required help='每行一条：管家在这个情境里要说的话、要做的事' {...at(i, 'checklist')}>
            <Textarea className='lesson-checklist' value={l.checklist} autosize={{ minRows: 2 }} placeholder={'先问好，再介绍\n说清截止时间和自提点'} onChange={(v) => set(i, { checklist: String(v) })} />
          </Field>
        </div>
      ))}
      {lessons.length < MAX_LESSONS ? (
        <Button id='lesson-add' variant='dashed' icon={<AddIcon />} onClick={() => onChange([...lessons, blankLesson()])}>
          添加情境课
        </Button>
      ) : null}
    </div>
  )
}
