import { useState } from 'react'
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Textarea } from 'tdesign-react'
import { AddIcon, ArrowDownIcon, ArrowUpIcon, DeleteIcon } from 'tdesign-icons-react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import { type Question, SurveyInput } from '@contracts/message-surveys'
import { NOTICE_AUDIENCES, NOTICE_AUDIENCE_LABELS, type NoticeAudienceKind } from '@contracts/message-kinds'
import type { OutputOf } from '@contracts/registry'
import { PROFILE_FACTS, PROFILE_FACT_LABELS, QUESTION_TYPES, QUESTION_TYPE_LABELS, SURVEY_PER, SURVEY_PER_LABELS, type ProfileFact, type QuestionType, type SurveyPer } from '@contracts/survey-kinds'
import { type FieldErrors, issuesByPath } from '../../../../src/utils/form-errors'
import { formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

type Options = OutputOf<'message.noticeOptions'>

interface Draft {
  title: string
  intro: string
  questions: Question[]
  audience: NoticeAudienceKind
  buildingIds: string[]
  gridId: string | null
  need: Need | null
  anonymous: boolean
  per: SurveyPer
  opensAt: number | null
  closesAt: number | null
}

const picked = (v: unknown): number | null => {
  const ms = parseShanghai(String(v ?? ''))
  return Number.isNaN(ms) ? null : ms
}

/** The next free key (q1, q2, ...), never reusing one so a condition keeps pointing at its question. */
const nextKey = (qs: readonly Question[]) => `q${Math.max(0, ...qs.map((q) => Number(q.key.slice(1)))) + 1}`

const blankQuestion = (qs: readonly Question[], type: QuestionType = 'single'): Question => ({
  key: nextKey(qs),
  type,
  title: '',
  required: true,
  options: type === 'single' || type === 'multi' ? ['', ''] : [],
  ...(type === 'rating' ? { max: 5 } : {})
})

/**
 * A survey: its questions (single, multiple, rating, number, text), each required or not, shown
 * only after a given answer if asked, and optionally filling a profile fact; who it is for,
 * anonymous or named, one a household or one a person, and its dates.
 */
export function SurveyDialog({ options, onClose }: { options: Options; onClose: (saved: string | null) => void }) {
  const [d, setD] = useState<Draft>({ title: '', intro: '', questions: [blankQuestion([])], audience: 'community', buildingIds: [], gridId: null, need: null, anonymous: false, per: 'household', opensAt: null, closesAt: null })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))
  const setQ = (i: number, patch: Partial<Question>) => set({ questions: d.questions.map((q, j) => (j === i ? { ...q, ...patch } : q)) })
  const err = (path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1]
  const status = (...paths: string[]) => {
    const e = paths.map(err).find(Boolean)
    return e ? { status: 'error' as const, tips: e } : {}
  }
  const move = (i: number, by: -1 | 1) => {
    const j = i + by
    if (j < 0 || j >= d.questions.length) return
    const qs = [...d.questions]
    ;[qs[i], qs[j]] = [qs[j]!, qs[i]!]
    set({ questions: qs })
  }

  const request = () => ({
    title: d.title,
    intro: d.intro,
    questions: d.questions.map((q) => ({ ...q, options: q.type === 'single' || q.type === 'multi' ? q.options : [] })),
    audience: { kind: d.audience, ...(d.audience === 'buildings' ? { buildingIds: d.buildingIds } : {}), ...(d.audience === 'grid' && d.gridId ? { gridId: d.gridId } : {}), ...(d.audience === 'need' && d.need ? { need: d.need } : {}) },
    anonymous: d.anonymous,
    per: d.per,
    ...(d.opensAt !== null ? { opensAt: d.opensAt } : {}),
    closesAt: d.closesAt ?? 0,
    clientRequestId: requestId
  })

  const submit = async () => {
    const parsed = SurveyInput.safeParse(request())
    setFormError(null)
    if (!parsed.success) return setErrors(issuesByPath(parsed.error))
    setErrors({})
    setBusy(true)
    const res = await api.message.saveSurvey(request())
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, '')
      setErrors(refused.fields)
      return setFormError(refused.message)
    }
    onClose(`已发布问卷「${d.title}」`)
  }

  return (
    <FormDialog header='发布问卷' width={900} saveId='survey-save' saveText='发布' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='问卷标题' required {...status('title')}>
          <Input className='survey-title' value={d.title} maxlength={40} placeholder='例如：2027 年社区服务需求调研' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='说明' {...status('intro')}>
          <Textarea className='survey-intro' value={d.intro} maxlength={1000} autosize={{ minRows: 2, maxRows: 6 }} placeholder='调研目的、大约用时，住户填写前会看到' onChange={(v) => set({ intro: String(v) })} />
        </Field>
        <Field label='题目' required {...status('questions')}>
          <div className='notice-blocks'>
            {d.questions.map((q, i) => {
              const earlier = d.questions.slice(0, i).filter((p) => p.type === 'single' || p.type === 'multi')
              const parent = q.showIf ? d.questions.find((p) => p.key === q.showIf?.key) : undefined
              return (
                <div key={q.key} className='notice-block' id={`survey-question-${i}`}>
                  <div className='notice-block__head'>
                    <Space size={8} align='center'>
                      <span className='muted'>第 {i + 1} 题</span>
                      <Select className={`survey-q-${i}-type`} value={q.type} style={{ width: 100 }} onChange={(v) => setQ(i, { type: v as QuestionType, options: v === 'single' || v === 'multi' ? (q.options.length ? q.options : ['', '']) : [], max: v === 'rating' ? 5 : undefined, min: undefined, profileFact: undefined })} options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))} />
                      <Checkbox checked={q.required} onChange={(v) => setQ(i, { required: v })}>
                        必答
                      </Checkbox>
                    </Space>
                    <Space size={0}>
                      <Button variant='text' size='small' icon={<ArrowUpIcon />} disabled={i === 0} onClick={() => move(i, -1)} />
                      <Button variant='text' size='small' icon={<ArrowDownIcon />} disabled={i === d.questions.length - 1} onClick={() => move(i, 1)} />
                      <Button variant='text' theme='danger' size='small' icon={<DeleteIcon />} onClick={() => set({ questions: d.questions.filter((_, j) => j !== i) })} />
                    </Space>
                  </div>
                  <Input className={`survey-q-${i}-title`} value={q.title} maxlength={80} placeholder='题目，例如：家中是否有 65 岁以上老人' onChange={(v) => setQ(i, { title: String(v) })} />
                  {q.type === 'single' || q.type === 'multi' ? (
                    <div className='inline-fields' style={{ marginTop: 8, flexWrap: 'wrap' }}>
                      {q.options.map((o, k) => (
                        <Input key={k} className={`survey-q-${i}-option-${k}`} value={o} maxlength={30} style={{ width: 150 }} placeholder={`选项 ${k + 1}`} onChange={(v) => setQ(i, { options: q.options.map((x, m) => (m === k ? String(v) : x)) })} suffix={q.options.length > 2 ? <DeleteIcon onClick={() => setQ(i, { options: q.options.filter((_, m) => m !== k) })} /> : undefined} />
                      ))}
                      <Button variant='outline' size='small' icon={<AddIcon />} disabled={q.options.length >= 12} onClick={() => setQ(i, { options: [...q.options, ''] })}>
                        选项
                      </Button>
                    </div>
                  ) : null}
                  {q.type === 'rating' ? (
                    <Space size={8} style={{ marginTop: 8 }}>
                      <span className='muted'>满分</span>
                      <InputNumber value={q.max ?? 5} min={3} max={10} theme='normal' style={{ width: 90 }} onChange={(v) => setQ(i, { max: Number(v) })} />
                    </Space>
                  ) : null}
                  {q.type === 'number' ? (
                    <Space size={8} style={{ marginTop: 8 }}>
                      <span className='muted'>范围</span>
                      <InputNumber value={q.min} min={0} theme='normal' style={{ width: 110 }} placeholder='最小' onChange={(v) => setQ(i, { min: v === undefined || v === null ? undefined : Number(v) })} />
                      <InputNumber value={q.max} min={0} theme='normal' style={{ width: 110 }} placeholder='最大' onChange={(v) => setQ(i, { max: v === undefined || v === null ? undefined : Number(v) })} />
                    </Space>
                  ) : null}
                  <Space size={8} style={{ marginTop: 8 }} align='center'>
                    <span className='muted'>显示条件</span>
                    <Select
                      className={`survey-q-${i}-showif`}
                      clearable
                      value={q.showIf ? q.showIf.key : undefined}
                      placeholder='总是显示'
                      style={{ width: 220 }}
                      disabled={earlier.length === 0}
                      onChange={(v) => setQ(i, { showIf: v ? { key: String(v), option: 0 } : undefined })}
                      options={earlier.map((p) => ({ value: p.key, label: `第 ${d.questions.indexOf(p) + 1} 题：${p.title || '（未填写）'}` }))}
                    />
                    {parent ? (
                      <Select className={`survey-q-${i}-showif-option`} value={q.showIf?.option} style={{ width: 160 }} onChange={(v) => setQ(i, { showIf: { key: parent.key, option: Number(v) } })} options={parent.options.map((o, k) => ({ value: k, label: `选「${o || `选项 ${k + 1}`}」时` }))} />
                    ) : null}
                    <span className='muted'>写入档案</span>
                    <Select className={`survey-q-${i}-fact`} clearable value={q.profileFact} placeholder='不写入' style={{ width: 150 }} onChange={(v) => setQ(i, { profileFact: (v as ProfileFact) || undefined })} options={PROFILE_FACTS.map((f) => ({ value: f, label: PROFILE_FACT_LABELS[f] }))} />
                  </Space>
                  {err(`questions.${i}`) ? <div className='notice-block__error'>{err(`questions.${i}`)}</div> : null}
                </div>
              )
            })}
            <Space size={8}>
              {QUESTION_TYPES.map((t) => (
                <Button key={t} id={`survey-add-${t}`} variant='outline' icon={<AddIcon />} disabled={d.questions.length >= 50} onClick={() => set({ questions: [...d.questions, blankQuestion(d.questions, t)] })}>
                  {QUESTION_TYPE_LABELS[t]}题
                </Button>
              ))}
            </Space>
          </div>
        </Field>
        <Field label='发布范围' required {...status('audience')}>
          <Space direction='vertical' size={8} style={{ width: '100%' }}>
            <Radio.Group className='survey-audience' value={d.audience} onChange={(v) => set({ audience: v as NoticeAudienceKind })}>
              {NOTICE_AUDIENCES.map((a) => (
                <Radio key={a} value={a}>
                  {NOTICE_AUDIENCE_LABELS[a]}
                </Radio>
              ))}
            </Radio.Group>
            {d.audience === 'buildings' ? <Select className='survey-buildings' multiple filterable value={d.buildingIds} placeholder='选择楼栋' onChange={(v) => set({ buildingIds: Array.isArray(v) ? v.map(String) : [] })} options={options.buildings.map((b) => ({ value: b.id, label: b.name }))} /> : null}
            {d.audience === 'grid' ? <Select className='survey-grid' value={d.gridId ?? undefined} placeholder='选择网格' onChange={(v) => set({ gridId: v ? String(v) : null })} options={options.grids.map((g) => ({ value: g.id, label: g.name }))} /> : null}
            {d.audience === 'need' ? <Select className='survey-need' value={d.need ?? undefined} placeholder='选择人群' onChange={(v) => set({ need: (v as Need) || null })} options={NEEDS.map((n) => ({ value: n, label: `${NEED_LABELS[n]}人群` }))} /> : null}
          </Space>
        </Field>
        <Field label='填写方式'>
          <Space size={24}>
            <Radio.Group className='survey-per' value={d.per} onChange={(v) => set({ per: v as SurveyPer })}>
              {SURVEY_PER.map((p) => (
                <Radio key={p} value={p}>
                  {SURVEY_PER_LABELS[p]}
                </Radio>
              ))}
            </Radio.Group>
            <Checkbox className='survey-anonymous' checked={d.anonymous} onChange={(v) => set({ anonymous: v })}>
              匿名（结果和导出不含房屋与姓名）
            </Checkbox>
          </Space>
        </Field>
        <Field label='开始时间' help='不选则立即开始' {...status('opensAt')}>
          <DatePicker className='survey-opens-at' allowInput clearable enableTimePicker format='YYYY-MM-DD HH:mm' value={d.opensAt ? formatDateTime(d.opensAt) : ''} onChange={(v) => set({ opensAt: picked(v) })} />
        </Field>
        <Field label='截止时间' required {...status('closesAt')}>
          <DatePicker className='survey-closes-at' allowInput enableTimePicker format='YYYY-MM-DD HH:mm' value={d.closesAt ? formatDateTime(d.closesAt) : ''} onChange={(v) => set({ closesAt: picked(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
