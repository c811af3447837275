import { useState } from 'react'
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Tag, Textarea } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventViewT, FIELD_TYPES, FIELD_TYPE_LABELS } from '@contracts/event'
import type { OutputOf } from '@contracts/registry'
import { type DraftForm, NO_FIELD, type NewField, REWARD_CHOICES, blankDraft, checkEvent, fieldFrom, fromEvent, fromTemplate, movedStart } from '../../../../src/utils/event-draft'
import { formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { PhotoField } from '../../shell/PhotoField'

type Options = OutputOf<'event.editorOptions'>

/** The draft's path for a form field whose name differs, so editing it clears the error under it. */
const ERROR_PATHS: Record<string, string> = {
  opensAt: 'signupOpensAt',
  closesAt: 'signupClosesAt',
  seats: 'seatsPerHousehold',
  cancelHours: 'cancelHoursBefore',
  attendance: 'rewards.attendance',
  feedback: 'rewards.feedback'
}

/** A time picked to the minute; an unreadable one keeps the previous value. */
const picked = (v: unknown, previous: number) => {
  const ms = parseShanghai(String(v ?? ''))
  return Number.isNaN(ms) ? previous : ms
}

function TimeField(props: { label: string; name: string; value: number; error?: string; help?: string; onChange: (ms: number) => void }) {
  return (
    <Field label={props.label} required help={props.help} {...(props.error ? { status: 'error' as const, tips: props.error } : {})}>
      <DatePicker className={`event-${props.name}`} enableTimePicker format='YYYY-MM-DD HH:mm' value={formatDateTime(props.value)} onChange={(v) => props.onChange(picked(v, props.value))} />
    </Field>
  )
}

/**
 * An event, new (blank or from a template of this or the pilot community) or edited: the
 * programme, cover, times, seats, the sign-up form, rewards for attending and for feedback, and
 * who checks people in. The same draft rules as the mini-program's editor.
 */
export function EventDialog({ event, options, onClose }: { event: EventViewT | null; options: Options; onClose: (saved: string | null) => void }) {
  const [t, setT] = useState<DraftForm>(() => (event ? fromEvent(event) : blankDraft(Date.now())))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [newField, setNewField] = useState<NewField>(NO_FIELD)
  const [busy, setBusy] = useState(false)
  const set = (patch: Partial<DraftForm>) => {
    setT((x) => ({ ...x, ...patch }))
    // What was changed is no longer what the error was about.
    const touched = Object.keys(patch).map((k) => ERROR_PATHS[k] ?? k)
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !touched.some((t) => path === t || path.startsWith(`${t}.`)))))
  }
  const err = (...paths: string[]) => paths.map((p) => errors[p]).find(Boolean)
  const status = (...paths: string[]) => {
    const e = err(...paths)
    return e ? { status: 'error' as const, tips: e } : {}
  }

  const addField = () => {
    const added = fieldFrom(newField, t.fields, Date.now())
    if (!added.ok) return setErrors((e) => ({ ...e, newField: added.error }))
    set({ fields: [...t.fields, added.field] })
    setErrors((e) => ({ ...e, newField: '' }))
    setNewField(NO_FIELD)
  }

  const submit = async () => {
    const checked = checkEvent(t)
    setFormError(null)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    const res = event ? await api.event.update({ id: event.id, event: checked.draft }) : await api.event.create({ event: checked.draft })
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, 'event.')
      setErrors(refused.fields)
      return setFormError(refused.message)
    }
    onClose(res.data.title)
  }

  const reward = (which: 'attendance' | 'feedback', label: string, help: string) => {
    const r = t[which]
    const setR = (x: Partial<typeof r>) => set({ [which]: { ...r, ...x } })
    return (
      <Field label={label} help={help} {...status(`rewards.${which}`, `rewards.${which}.points`, `rewards.${which}.valueFen`, `rewards.${which}.uses`, `rewards.${which}.title`)}>
        <div className='inline-fields'>
          <Select className={`reward-${which}`} value={r.type} style={{ width: 110 }} onChange={(v) => setR({ type: REWARD_CHOICES.find((c) => c.value === v)?.value ?? 'none' })} options={REWARD_CHOICES} />
          {r.type === 'coupon' || r.type === 'card' ? (
            <Input className={`reward-${which}-title`} value={r.title} placeholder={r.type === 'coupon' ? '券名称，例如 保洁立减券' : '卡名称，例如 空调清洗卡'} style={{ width: 220 }} onChange={(v) => setR({ title: String(v) })} />
          ) : null}
          {r.type !== 'none' ? (
            <Input className={`reward-${which}-amount`} value={r.amount} suffix={r.type === 'points' ? '积分' : r.type === 'coupon' ? '元' : '次'} style={{ width: 140 }} onChange={(v) => setR({ amount: String(v) })} />
          ) : null}
        </div>
      </Field>
    )
  }

  return (
    <FormDialog header={event ? `修改${event.title}` : '新建活动'} width={860} saveId='event-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={112} colon={false}>
        {!event && options.templates.length ? (
          <Field label='套用模板' help='带入模板的内容、名额、报名表和奖励；时间按下一个周六上午'>
            <Select
              className='event-template'
              placeholder='从往期或样板社区的活动开始（可不选）'
              style={{ width: 420 }}
              onChange={(v) => {
                const tpl = options.templates.find((x) => x.id === v)
                if (tpl) setT(fromTemplate(tpl, Date.now(), t))
              }}
              options={options.templates.map((x) => ({ value: x.id, label: `${EVENT_KIND_LABELS[x.kind]} · ${x.title}` }))}
            />
          </Field>
        ) : null}
        <Field label='活动类型' {...status('kind')} help={t.kind === 'experience' ? '服务体验会：住户体验新服务并提出建议，建议进入新服务池' : undefined}>
          <Radio.Group variant='default-filled' value={t.kind} onChange={(v) => set({ kind: EVENT_KINDS.find((k) => k === v) ?? 'activity' })}>
            {EVENT_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {EVENT_KIND_LABELS[k]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        <Field label='标题' required {...status('title')}>
          <Input name='event-title' value={t.title} maxlength={40} placeholder='例如：家电清洗体验会' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='封面' {...status('cover')} help='活动列表和分享卡片上的图片，建议横图'>
          <PhotoField id='event-cover' label='封面' max={1} size={120} value={t.cover ? [t.cover] : []} onChange={(ids) => set({ cover: ids[0] ?? null })} />
        </Field>
        <Field label='地点' required {...status('venue')}>
          <Input name='event-venue' value={t.venue} maxlength={60} onChange={(v) => set({ venue: String(v) })} />
        </Field>
        <TimeField label='开始时间' name='startAt' value={t.startAt} error={err('startAt')} help='结束时间和报名截止随之移动' onChange={(ms) => set(movedStart(t, ms))} />
        <TimeField label='结束时间' name='endAt' value={t.endAt} error={err('endAt')} onChange={(ms) => set({ endAt: ms })} />
        <TimeField label='报名开始' name='signupOpensAt' value={t.opensAt} error={err('signupOpensAt')} onChange={(ms) => set({ opensAt: ms })} />
        <TimeField label='报名截止' name='signupClosesAt' value={t.closesAt} error={err('signupClosesAt')} onChange={(ms) => set({ closesAt: ms })} />
        <Field label='名额' required {...status('capacity')} help='报满后住户可候补，有人取消时按顺序递补'>
          <Input className='event-capacity' value={t.capacity} suffix='人' style={{ width: 140 }} onChange={(v) => set({ capacity: String(v) })} />
        </Field>
        <Field label='每户席位' {...status('seatsPerHousehold')}>
          <InputNumber className='event-seats' value={t.seats} min={1} max={10} theme='column' style={{ width: 140 }} onChange={(v) => set({ seats: Number(v) || 1 })} />
        </Field>
        <Field label='取消期限' {...status('cancelHoursBefore')} help='开始前多少小时内不能再取消；0 表示开始前都可取消'>
          <Input className='event-cancel-hours' value={t.cancelHours} suffix='小时' style={{ width: 140 }} onChange={(v) => set({ cancelHours: String(v) })} />
        </Field>
        <Field label='报名表' {...status('fields')} help={t.fields.length ? undefined : '不需要住户填写信息时可以留空'}>
          <div className='rows'>
            {t.fields.map((f, i) => (
              <div className='rows__row event-field' key={f.key}>
                <Tag variant='light'>{FIELD_TYPE_LABELS[f.type]}</Tag>
                <span className='event-field__label'>
                  {f.label}
                  {f.required ? '（必填）' : ''}
                  {f.options.length ? `：${f.options.join('、')}` : ''}
                </span>
                <Button variant='text' shape='square' icon={<DeleteIcon />} aria-label={`删除字段${f.label}`} onClick={() => set({ fields: t.fields.filter((_, j) => j !== i) })} />
              </div>
            ))}
            {t.fields.length < 10 ? (
              <div className='rows__row'>
                <Input className='field-new-label' value={newField.label} placeholder='新增字段，例如 联系电话' style={{ width: 200 }} status={errors.newField ? 'error' : undefined} tips={errors.newField || undefined} onChange={(v) => setNewField({ ...newField, label: String(v) })} />
                <Select className='field-new-type' value={newField.type} style={{ width: 90 }} onChange={(v) => setNewField({ ...newField, type: FIELD_TYPES.find((x) => x === v) ?? 'text' })} options={FIELD_TYPES.map((x) => ({ value: x, label: FIELD_TYPE_LABELS[x] }))} />
                {newField.type === 'choice' ? <Input className='field-new-options' value={newField.options} placeholder='选项，用逗号分隔' style={{ width: 180 }} onChange={(v) => setNewField({ ...newField, options: String(v) })} /> : null}
                <Checkbox checked={newField.required} style={{ paddingTop: 5 }} onChange={(v) => setNewField({ ...newField, required: Boolean(v) })}>
                  必填
                </Checkbox>
                <Button variant='dashed' icon={<AddIcon />} onClick={addField}>
                  添加
                </Button>
              </div>
            ) : null}
          </div>
        </Field>
        {reward('attendance', '签到奖励', '到场签到后自动发放')}
        {reward('feedback', '反馈奖励', '提交活动反馈后自动发放')}
        <Field label='核销员' {...status('verifierIds')} help={options.verifiers.length ? '可在现场扫码签到的人；活动专员都可以签到' : '在「工作人员」中邀请核销员'}>
          <Select className='event-verifiers' multiple value={t.verifierIds} style={{ width: 420 }} placeholder='选择核销员（可不选）' onChange={(v) => set({ verifierIds: Array.isArray(v) ? v.map(String) : [] })} options={options.verifiers.map((v) => ({ value: v.id, label: v.name }))} />
        </Field>
        <Field label='介绍' {...status('description')}>
          <Textarea name='event-description' value={t.description} maxlength={2000} autosize={{ minRows: 3, maxRows: 8 }} placeholder='活动安排、适合人群、需要带什么' onChange={(v) => set({ description: String(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
