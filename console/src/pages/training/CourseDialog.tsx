import { useState } from 'react'
import { Alert, Divider, Form, Input, InputNumber, Select, Switch, Textarea } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { TRAINING_LINES, TRAINING_LINE_LABELS } from '@contracts/training-labels'
import { api } from '../../client/api'
import { formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { PhotoField } from '../../shell/PhotoField'
import { type CourseForm, draftOf, statusUnder } from './course-form'
import { LessonsEditor } from './LessonsEditor'
import { QuizEditor } from './QuizEditor'
import { newRequestId } from '../../../../src/client/core/request-id'

/** A course's editor: what it is, its scenario lessons, and its quiz with the pass mark. */
export function CourseDialog({ initial, onClose }: { initial: CourseForm; onClose: (saved: string | null) => void }) {
  const [course, setCourse] = useState(initial)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)
  const set = (p: Partial<CourseForm>) => setCourse((c) => ({ ...c, ...p }))
  const status = (path: string) => statusUnder(error, `course.${path}`)

  const submit = async () => {
    setBusy(true)
    const res = await api.training.save({ ...(course.id ? { id: course.id } : {}), clientRequestId: requestId, course: draftOf(course) })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(res.data.title)
  }
  const formError = formLevelError(error)
  const lessonsError = error?.fields?.find((f) => f.path === 'course.lessons')?.message
  const quizError = error?.fields?.find((f) => f.path === 'course.quiz.questions')?.message

  return (
    <FormDialog header={course.id ? `修改课程：${initial.title}` : '新建培训课程'} width={920} saveId='course-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={104} colon={false} className='course-form'>
        <Field label='课程名称' required {...status('title')}>
          <Input name='course-title' value={course.title} placeholder='例如：预售团购开团话术' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='业务线' required {...status('line')}>
          <div className='inline-fields'>
            <Select className='course-line' style={{ width: 180 }} value={course.line} onChange={(v) => set({ line: TRAINING_LINES.find((l) => l === v) ?? course.line })} options={TRAINING_LINES.map((l) => ({ value: l, label: TRAINING_LINE_LABELS[l] }))} />
            <Switch className='course-required' value={course.requiredFor} onChange={(v) => set({ requiredFor: Boolean(v) })} />
            <span>本业务线必修</span>
            <span className='muted'>（管家须通过测验，才能使用该业务线的销售工具包）</span>
          </div>
        </Field>
        <Field label='课程简介' {...status('summary')}>
          <Textarea name='course-summary' value={course.summary} maxlength={200} placeholder='管家在课程列表里看到的一两句话' onChange={(v) => set({ summary: String(v) })} />
        </Field>
        <Field label='封面' {...status('cover')}>
          <PhotoField id='course-cover' label='封面' max={1} size={96} value={course.cover ? [course.cover] : []} onChange={(ids) => set({ cover: ids[0] ?? null })} />
        </Field>
        <Divider align='left'>情境课</Divider>
        {lessonsError ? <Alert theme='error' message={lessonsError} /> : null}
        <LessonsEditor lessons={course.lessons} onChange={(lessons) => set({ lessons })} error={error} />
        <Divider align='left'>测验</Divider>
        {quizError ? <Alert theme='error' message={quizError} /> : null}
        <Field label='及格线' required help='答对题数占比达到及格线即通过，并发放结业证书' {...status('quiz.passPercent')}>
          <InputNumber className='course-pass' theme='normal' style={{ width: 160 }} min={1} max={100} value={course.passPercent} suffix='%' onChange={(v) => set({ passPercent: Number(v) })} />
        </Field>
        <QuizEditor questions={course.questions} onChange={(questions) => set({ questions })} error={error} />
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
