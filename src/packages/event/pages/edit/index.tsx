import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EVENT_KINDS, EVENT_KIND_LABELS, EventDraftSchema, FIELD_TYPES, type FormField } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { EVENT_PKG, createEvent, editorOptions, getEvent, updateEvent } from '../../../../services/event'
import { Input, TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { type DraftText, type EventTemplate, type RewardText, blankDraft, fromEvent, fromTemplate, toDraft } from './draft'
import '../../event.scss'

const FIELD_TYPE_LABELS: Record<FormField['type'], string> = { text: '文字', choice: '选择', number: '数字' }
const REWARD_TYPES: { type: RewardText['type']; label: string }[] = [
  { type: 'none', label: '无' },
  { type: 'points', label: '积分' },
  { type: 'coupon', label: '优惠券' },
  { type: 'card', label: '服务卡' }
]

function Field(props: { label: string; id: string; value: string; error?: string; onChange: (v: string) => void; placeholder?: string }) {
  return (
    <View className='ev-field'>
      <Text className='ev-label'>{props.label}</Text>
      <View className='ev-input'>
        <Input id={props.id} value={props.value} placeholder={props.placeholder ?? ''} onChange={(v: string) => props.onChange(v)} />
      </View>
      {props.error ? <Text className='field-error'>{props.error}</Text> : null}
    </View>
  )
}

export default function EditEventPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [t, setT] = useState<DraftText>(blankDraft(Date.now()))
  const [verifiers, setVerifiers] = useState<{ id: string; name: string }[]>([])
  const [templates, setTemplates] = useState<EventTemplate[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [newField, setNewField] = useState<{ label: string; type: FormField['type']; options: string; required: boolean }>({ label: '', type: 'text', options: '', required: true })

  useDidShow(() => {
    void editorOptions().then((r) => {
      if (!r.ok) return
      setVerifiers(r.data.verifiers)
      setTemplates(r.data.templates)
    })
    if (id) void getEvent(id).then((r) => (r.ok ? setT(fromEvent(r.data.event)) : setError(r.error)))
  })
  const set = (patch: Partial<DraftText>) => setT({ ...t, ...patch })

  const addField = () => {
    if (!newField.label.trim()) return
    const f: FormField = {
      key: `f${t.fields.length + 1}_${Date.now().toString(36).slice(-3)}`,
      label: newField.label.trim(),
      type: newField.type,
      required: newField.required,
      options: newField.type === 'choice' ? newField.options.split(/[,，]/).map((s) => s.trim()).filter(Boolean) : []
    }
    set({ fields: [...t.fields, f] })
    setNewField({ label: '', type: 'text', options: '', required: true })
  }

  const save = async () => {
    const parsed = EventDraftSchema.safeParse(toDraft(t))
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
      return
    }
    setErrors({})
    setBusy(true)
    const r = id ? await updateEvent(id, parsed.data) : await createEvent(parsed.data)
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^event\./, ''), f.message])))
      return
    }
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.redirectTo({ url: `${EVENT_PKG}/signups/index?id=${r.data.id}` }), 600)
  }

  const rewardEditor = (which: 'attendance' | 'feedback', label: string) => (
    <View className='ev-field'>
      <Text className='ev-label'>{label}</Text>
      <View className='ev-choices'>
        {REWARD_TYPES.map((r) => (
          <Text key={r.type} id={`reward-${which}-${r.type}`} className={`ev-choice ${t[which].type === r.type ? 'ev-choice--on' : ''}`} onClick={() => set({ [which]: { ...t[which], type: r.type } })}>
            {r.label}
          </Text>
        ))}
      </View>
      {t[which].type !== 'none' ? (
        <View style={{ marginTop: '16px' }}>
          {t[which].type !== 'points' ? (
            <Field id={`reward-${which}-title`} label='名称' value={t[which].title} onChange={(v) => set({ [which]: { ...t[which], title: v } })} />
          ) : null}
          <Field
            id={`reward-${which}-amount`}
            label={t[which].type === 'points' ? '积分' : t[which].type === 'coupon' ? '面额（元）' : '次数'}
            value={t[which].amount}
            error={errors[`rewards.${which}`] ?? errors[`rewards.${which}.points`] ?? errors[`rewards.${which}.valueFen`] ?? errors[`rewards.${which}.uses`] ?? errors[`rewards.${which}.title`]}
            onChange={(v) => set({ [which]: { ...t[which], amount: v } })}
          />
        </View>
      ) : null}
    </View>
  )

  return (
    <View className='page' id='event-edit'>
      {!id && templates.length > 0 ? (
        <View className='card' id='event-templates'>
          <Text className='section-title'>从模板创建</Text>
          <View className='ev-choices'>
            {templates.map((tpl) => (
              <Text key={tpl.id} className='ev-choice' onClick={() => setT(fromTemplate(tpl, Date.now(), t))}>
                {tpl.title}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>基本信息</Text>
        <View className='ev-field'>
          <Text className='ev-label'>类型</Text>
          <View className='ev-choices'>
            {EVENT_KINDS.map((k) => (
              <Text key={k} id={`kind-${k}`} className={`ev-choice ${t.kind === k ? 'ev-choice--on' : ''}`} onClick={() => set({ kind: k })}>
                {EVENT_KIND_LABELS[k]}
              </Text>
            ))}
          </View>
        </View>
        <Field id='edit-title' label='标题' value={t.title} error={errors.title} onChange={(v) => set({ title: v })} placeholder='例如：上门保洁服务体验会' />
        <View className='ev-field'>
          <Text className='ev-label'>介绍</Text>
          <TextArea id='edit-description' value={t.description} maxLength={2000} onChange={(v: string) => set({ description: v })} />
        </View>
        <Field id='edit-venue' label='地点' value={t.venue} error={errors.venue} onChange={(v) => set({ venue: v })} />
        <Field id='edit-start' label='开始时间（YYYY-MM-DD HH:mm）' value={t.start} error={errors.startAt} onChange={(v) => set({ start: v })} />
        <Field id='edit-end' label='结束时间' value={t.end} error={errors.endAt} onChange={(v) => set({ end: v })} />
      </View>
      <View className='card'>
        <Text className='section-title'>报名规则</Text>
        <Field id='edit-capacity' label='名额' value={t.capacity} error={errors.capacity} onChange={(v) => set({ capacity: v })} />
        <Field id='edit-seats' label='每户席位' value={t.seats} error={errors.seatsPerHousehold} onChange={(v) => set({ seats: v })} />
        <Field id='edit-opens' label='报名开始' value={t.opens} error={errors.signupOpensAt} onChange={(v) => set({ opens: v })} />
        <Field id='edit-closes' label='报名截止' value={t.closes} error={errors.signupClosesAt} onChange={(v) => set({ closes: v })} />
        <Field id='edit-cancel' label='开始前多少小时内不可取消' value={t.cancelHours} error={errors.cancelHoursBefore} onChange={(v) => set({ cancelHours: v })} />
      </View>
      <View className='card'>
        <Text className='section-title'>报名表</Text>
        {t.fields.map((f, i) => (
          <View key={f.key} className='list-item'>
            <Text>
              {f.label} · {FIELD_TYPE_LABELS[f.type]}
              {f.required ? ' · 必填' : ''}
              {f.options.length ? `（${f.options.join('/')}）` : ''}
            </Text>
            <Text className='muted' onClick={() => set({ fields: t.fields.filter((_, j) => j !== i) })}>
              删除
            </Text>
          </View>
        ))}
        {errors.fields ? <Text className='field-error'>{errors.fields}</Text> : null}
        <Field id='field-new-label' label='新增字段' value={newField.label} placeholder='字段名称' onChange={(v) => setNewField({ ...newField, label: v })} />
        <View className='ev-choices'>
          {FIELD_TYPES.map((ty) => (
            <Text key={ty} className={`ev-choice ${newField.type === ty ? 'ev-choice--on' : ''}`} onClick={() => setNewField({ ...newField, type: ty })}>
              {FIELD_TYPE_LABELS[ty]}
            </Text>
          ))}
          <Text className={`ev-choice ${newField.required ? 'ev-choice--on' : ''}`} onClick={() => setNewField({ ...newField, required: !newField.required })}>
            必填
          </Text>
        </View>
        {newField.type === 'choice' ? (
          <Field id='field-new-options' label='选项（逗号分隔）' value={newField.options} onChange={(v) => setNewField({ ...newField, options: v })} />
        ) : null}
        <Button size='small' fill='outline' type='primary' onClick={addField}>
          添加字段
        </Button>
      </View>
      <View className='card'>
        <Text className='section-title'>奖励与核销</Text>
        {rewardEditor('attendance', '签到奖励')}
        {rewardEditor('feedback', '评价奖励')}
        <View className='ev-field'>
          <Text className='ev-label'>指派核销员</Text>
          <View className='ev-choices'>
            {verifiers.map((v) => {
              const on = t.verifierIds.includes(v.id)
              return (
                <Text key={v.id} id={`verifier-${v.id}`} className={`ev-choice ${on ? 'ev-choice--on' : ''}`} onClick={() => set({ verifierIds: on ? t.verifierIds.filter((x) => x !== v.id) : [...t.verifierIds, v.id] })}>
                  {v.name}
                </Text>
              )
            })}
          </View>
        </View>
      </View>
      {error ? <Text className='field-error'>{error.message}</Text> : null}
      {Object.keys(errors).length ? <Text className='field-error' id='edit-errors'>请检查标红的字段</Text> : null}
      <Button id='edit-save' className='btn-block' block type='primary' loading={busy} onClick={() => void save()}>
        {id ? '保存修改' : '发布活动'}
      </Button>
    </View>
  )
}
