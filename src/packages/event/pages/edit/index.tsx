import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { EVENT_KINDS, EVENT_KIND_LABELS, FIELD_TYPES, FIELD_TYPE_LABELS } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { TextBox } from '../../../../components/TextBox'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { ActionBar, ButtonRow, Cell, DateTimeField, Field, Icon, Notice, Section, Segmented, Stepper } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, all, useQuery } from '../../../../ui/shell'
import { eventLink } from '../../links'
import { type DraftForm, NO_FIELD, type NewField, REWARD_CHOICES, blankDraft, checkEvent, fieldFrom, fromEvent, fromTemplate, movedStart } from '../../../../utils/event-draft'
import '../../event.scss'



/** A text input in a form row, its error under it. */
function TextField(props: { label: string; id: string; value: string; error?: string; hint?: string; digits?: boolean; placeholder?: string; required?: boolean; onChange: (v: string) => void }) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint} required={props.required}>
      <TextBox id={props.id} type={props.digits ? 'digit' : 'text'} value={props.value} placeholder={props.placeholder} onChange={props.onChange} />
    </Field>
  )
}

/** Staff: create an event (from a template or blank) or edit one; dates are picked, never typed. */
export default function EditEventPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  // Loaded once: coming back to the page must not overwrite what is being edited.
  const q = useQuery(
    () => all([api.event.editorOptions(), id ? api.event.get({ id }) : Promise.resolve({ ok: true as const, data: null })]),
    [id],
    { reloadOnShow: false }
  )
  const blank = useMemo(() => blankDraft(Date.now()), [])
  const [t, setT] = useState<DraftForm | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(false)
  const [newField, setNewField] = useState<NewField>(NO_FIELD)

  useEffect(() => {
    if (!q.data || t) return
    const detail = q.data[1]
    setT(detail ? fromEvent(detail.event) : blank)
  }, [q.data, t, blank])

  const form = t ?? blank
  const set = (patch: Partial<DraftForm>) => setT({ ...form, ...patch })
  const err = (...paths: string[]) => paths.map((p) => errors[p]).find(Boolean)

  const moveStart = (ms: number) => set(movedStart(form, ms))

  const addField = () => {
    const added = fieldFrom(newField, form.fields, Date.now())
    if (!added.ok) return setErrors({ ...errors, newField: added.error })
    set({ fields: [...form.fields, added.field] })
    setErrors({ ...errors, newField: '' })
    setNewField(NO_FIELD)
  }

  const save = async () => {
    const checked = checkEvent(form)
    setErrors(checked.ok ? {} : checked.errors)
    setError(null)
    if (!checked.ok) return
    setBusy(true)
    const r = id ? await api.event.update({ id, event: checked.draft }) : await api.event.create({ event: checked.draft })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^event\./, ''), f.message])))
      return
    }
    void Taro.showToast({ title: '已保存', icon: 'success' })
    setTimeout(() => void Taro.redirectTo({ url: eventLink('signups', params.communityId, { id: r.data.id }) }), 600)
  }

  const rewardEditor = (which: 'attendance' | 'feedback', label: string) => {
    const r = form[which]
    return (
      <Field label={label} error={err(`rewards.${which}`)}>
        <Segmented id={`reward-${which}`} value={r.type} options={REWARD_CHOICES} onChange={(type) => set({ [which]: { ...r, type } })} />
        {r.type === 'coupon' || r.type === 'card' ? (
          <TextField
            id={`reward-${which}-title`}
            label={r.type === 'coupon' ? '券名称' : '服务卡名称'}
            value={r.title}
            placeholder={r.type === 'coupon' ? '例如 保洁立减券' : '例如 空调清洗卡'}
            error={err(`rewards.${which}.title`)}
            onChange={(v) => set({ [which]: { ...r, title: v } })}
          />
        ) : null}
        {r.type !== 'none' ? (
          <TextField
            id={`reward-${which}-amount`}
            digits
            label={r.type === 'points' ? '积分' : r.type === 'coupon' ? '面额（元）' : '次数'}
            value={r.amount}
            error={err(`rewards.${which}.points`, `rewards.${which}.valueFen`, `rewards.${which}.uses`)}
            onChange={(v) => set({ [which]: { ...r, amount: v } })}
          />
        ) : null}
      </Field>
    )
  }

  return (
    <PageShell id='event-edit' query={q}>
      {([options]) => (
        <>
          {!id && options.templates.length > 0 ? (
            <Section title='从模板创建' id='event-templates'>
              <Choices
                id='template'
                value={null}
                options={options.templates.map((tpl) => ({ value: tpl.id, label: tpl.title }))}
                onChange={(tid) => {
                  const tpl = options.templates.find((x) => x.id === tid)
                  if (tpl) setT(fromTemplate(tpl, Date.now(), form))
                }}
              />
              <Text className='ev-hint'>套用后内容和奖励会填好，时间默认下周六上午，可再修改。</Text>
            </Section>
          ) : null}
          <Section title='基本信息'>
            <Field label='类型'>
              <Segmented id='kind' value={form.kind} options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} onChange={(kind) => set({ kind })} />
            </Field>
            <TextField id='edit-title' label='标题' required value={form.title} error={err('title')} placeholder='例如：上门保洁服务体验会' onChange={(v) => set({ title: v })} />
            <Field label='封面' error={err('cover')} hint='列表和详情页顶部展示，建议横图'>
              <PhotoPicker
                id='edit-cover'
                max={1}
                value={form.cover ? [form.cover] : []}
                onChange={(ids) => set({ cover: ids[0] ?? null })}
                onBusyChange={setUploading}
                upload={uploadPhoto}
                srcOf={photoSrc}
              />
            </Field>
            <Field label='介绍' error={err('description')}>
              <TextBox id='edit-description' multiline value={form.description} maxLength={2000} placeholder='活动内容、流程和注意事项' onChange={(v) => set({ description: v })} />
            </Field>
            <TextField id='edit-venue' label='地点' required value={form.venue} error={err('venue')} onChange={(v) => set({ venue: v })} />
            <DateTimeField id='edit-start' label='开始时间' required value={form.startAt} error={err('startAt')} onChange={moveStart} />
            <DateTimeField id='edit-end' label='结束时间' required value={form.endAt} min={form.startAt} error={err('endAt')} onChange={(ms) => set({ endAt: ms })} />
          </Section>
          <Section title='报名规则'>
            <TextField id='edit-capacity' digits label='名额' required value={form.capacity} error={err('capacity')} hint='满员后报名进入候补' onChange={(v) => set({ capacity: v })} />
            <Field label='每户席位' error={err('seatsPerHousehold')}>
              <Stepper id='edit-seats' value={form.seats} min={1} max={10} onChange={(n) => set({ seats: n })} />
            </Field>
            <DateTimeField id='edit-opens' label='报名开始' required value={form.opensAt} max={form.startAt} error={err('signupOpensAt')} onChange={(ms) => set({ opensAt: ms })} />
            <DateTimeField id='edit-closes' label='报名截止' required value={form.closesAt} min={form.opensAt} max={form.startAt} error={err('signupClosesAt')} onChange={(ms) => set({ closesAt: ms })} />
            <TextField
              id='edit-cancel'
              digits
              label='开始前多少小时内不可取消'
              value={form.cancelHours}
              error={err('cancelHoursBefore')}
              hint='0 表示开始前都可以取消'
              onChange={(v) => set({ cancelHours: v })}
            />
          </Section>
          <Section title='报名表' id='edit-fields'>
            {form.fields.length === 0 ? <Text className='ev-hint'>不需要住户填写信息时可以留空。</Text> : null}
            {form.fields.map((f, i) => (
              <Cell
                key={f.key}
                id={`edit-field-${i}`}
                title={f.label}
                desc={[FIELD_TYPE_LABELS[f.type], f.required ? '必填' : '选填', f.options.length ? `选项：${f.options.join('、')}` : ''].filter(Boolean).join(' · ')}
                extra={
                  <Text className='ev-remove' id={`edit-field-${i}-remove`} onClick={() => set({ fields: form.fields.filter((_, j) => j !== i) })}>
                    删除
                  </Text>
                }
              />
            ))}
            {err('fields') ? <Text className='field-error'>{err('fields')}</Text> : null}
            <View className='ev-newfield'>
              <TextField id='field-new-label' label='新增字段' value={newField.label} placeholder='例如 联系电话' error={errors.newField || undefined} onChange={(v) => setNewField({ ...newField, label: v })} />
              <Segmented id='field-new-type' value={newField.type} options={FIELD_TYPES.map((ty) => ({ value: ty, label: FIELD_TYPE_LABELS[ty] }))} onChange={(type) => setNewField({ ...newField, type })} />
              {newField.type === 'choice' ? (
                <TextField id='field-new-options' label='选项（用逗号分隔）' value={newField.options} placeholder='例如 上午，下午' onChange={(v) => setNewField({ ...newField, options: v })} />
              ) : null}
              <ButtonRow>
                <Button fill='outline' id='field-new-required' type={newField.required ? 'primary' : 'default'} onClick={() => setNewField({ ...newField, required: !newField.required })}>
                  {newField.required ? '必填' : '选填'}
                </Button>
                <Button fill='outline' type='primary' id='field-new-add' onClick={addField}>
                  添加字段
                </Button>
              </ButtonRow>
            </View>
          </Section>
          <Section title='奖励与核销'>
            {rewardEditor('attendance', '签到奖励')}
            {rewardEditor('feedback', '评价奖励')}
            <Field label='指派核销员' error={err('verifierIds')} hint={options.verifiers.length ? '核销员可在活动当天扫码签到' : '社区还没有核销员，员工也可以签到核销'}>
              {options.verifiers.map((v) => {
                const on = form.verifierIds.includes(v.id)
                return (
                  <Cell
                    key={v.id}
                    id={`verifier-${v.id}`}
                    icon='user'
                    title={v.name}
                    arrow={false}
                    extra={on ? <Icon name='check' size='m' color='primary' /> : <Text className='ev-hint'>未指派</Text>}
                    onClick={() => set({ verifierIds: on ? form.verifierIds.filter((x) => x !== v.id) : [...form.verifierIds, v.id] })}
                  />
                )
              })}
            </Field>
          </Section>
          {error && !error.fields?.length ? <Notice tone='danger'>{error.message}</Notice> : null}
          {Object.values(errors).some(Boolean) && (!error || error.fields?.length) ? (
            <Notice tone='danger' id='edit-errors'>
              有填写不正确的地方，请检查标红的字段
            </Notice>
          ) : null}
          <ActionBar>
            <Button id='edit-save' type='primary' loading={busy} disabled={uploading} onClick={() => void save()}>
              {uploading ? '封面上传中…' : id ? '保存修改' : '发布活动'}
            </Button>
          </ActionBar>
        </>
      )}
    </PageShell>
  )
}
