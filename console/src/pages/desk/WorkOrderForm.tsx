import { useState } from 'react'
import { Alert, Button, Form, Input, Radio, Select, Textarea } from 'tdesign-react'
import { WORK_TYPES, WORK_TYPE_LABELS, type Channel, type WorkOrderViewT, type WorkType } from '@contracts/desk-work'
import type { ApiError } from '@contracts/errors'
import type { HouseholdHitT } from '@contracts/desk-find'
import { minutesText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { PhotoField } from '../../shell/PhotoField'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { useQuery } from '../../shell/use-query'
import { ChannelRadio } from './OnBehalfFields'
import { newRequestId } from '../../../../src/client/core/request-id'

/** The household a work order is for: found at the desk, or a conversation's. */
export type FormHousehold = Pick<HouseholdHitT, 'householdId' | 'label' | 'butlerName'>

/** The assignee select's value for 自动派单 (the server picks the skilled worker or the butler). */
const AUTO = 'auto'

/**
 * Logging a request for a household on its behalf: what happened, how it reached us, who called
 * and who should go. The SLA of the chosen type is shown before saving, so the clerk can tell the
 * caller when someone will answer and arrive.
 */
export function WorkOrderForm(props: { household: FormHousehold; channel?: Channel; text?: string; chatId?: string; onCreated: (wo: WorkOrderViewT) => void; onCancel?: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [type, setType] = useState<WorkType>('repair')
  const [channel, setChannel] = useState<Channel>(props.channel ?? 'phone400')
  const [text, setText] = useState(props.text ?? '')
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [assignee, setAssignee] = useState(AUTO)
  const [photos, setPhotos] = useState<string[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const people = useQuery(() => api.desk.assignees({}), [])
  const rules = useQuery(() => api.desk.slaRules({}), [])
  const rule = rules.data?.rules.find((r) => r.type === type)

  const submit = async () => {
    setBusy(true)
    const res = await api.desk.createWorkOrder({
      householdId: props.household.householdId,
      type,
      channel,
      text,
      photos,
      contactName,
      contactPhone: contactPhone.trim() || null,
      assigneeUserId: assignee === AUTO ? null : assignee,
      chatId: props.chatId ?? null,
      clientRequestId: requestId
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    setError(null)
    setRequestId(newRequestId())
    setText('')
    setPhotos([])
    props.onCreated(res.data.workOrder)
  }
  const formError = formLevelError(error)

  return (
    <Form labelWidth={88} colon={false} className='wo-form'>
      <Field label='房屋'>
        <strong id='wo-household'>{props.household.label}</strong>
        {props.household.butlerName ? <span className='muted'> · 网格管家 {props.household.butlerName}</span> : null}
      </Field>
      <Field label='类型' required {...fieldStatus(error, 'type')}>
        <Radio.Group variant='default-filled' value={type} onChange={(v) => setType(WORK_TYPES.find((t) => t === v) ?? 'repair')}>
          {WORK_TYPES.map((t) => (
            <Radio.Button key={t} value={t} className={`wo-type-${t}`}>
              {WORK_TYPE_LABELS[t]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Field>
      {rule ? (
        <Field label='时限'>
          <span className='muted' id='wo-sla'>
            {minutesText(rule.respondMin)}内响应{rule.arriveMin !== null ? `，${minutesText(rule.arriveMin)}内到场` : ''}，{minutesText(rule.finishMin)}内完成
          </span>
        </Field>
      ) : null}
      <Field label='来源' required {...fieldStatus(error, 'channel')}>
        <ChannelRadio value={channel} onChange={setChannel} />
      </Field>
      <Field label='情况' required {...fieldStatus(error, 'text')}>
        <Textarea name='wo-text' value={text} maxlength={500} autosize={{ minRows: 3, maxRows: 6 }} placeholder='例如：卫生间天花板漏水，楼上正在装修' onChange={(v) => setText(String(v))} />
      </Field>
      <Field label='来电人' {...fieldStatus(error, 'contactName')}>
        <Input name='wo-contact-name' value={contactName} maxlength={20} placeholder='称呼，如 王先生' style={{ width: 200 }} onChange={(v) => setContactName(String(v))} />
      </Field>
      <Field label='回拨电话' {...fieldStatus(error, 'contactPhone')}>
        <Input name='wo-contact-phone' value={contactPhone} maxlength={11} placeholder='选填，11 位手机号' style={{ width: 200 }} onChange={(v) => setContactPhone(String(v))} />
      </Field>
      <Field label='处理人' {...fieldStatus(error, 'assigneeUserId')} help='自动派单：维修类派给有相应技能、手上工单最少的师傅，其余派给网格管家'>
        <Select
          className='wo-assignee'
          value={assignee}
          style={{ width: 320 }}
          onChange={(v) => setAssignee(String(v))}
          options={[{ label: '自动派单', value: AUTO }, ...(people.data?.assignees ?? []).map((a) => ({ label: `${a.name}（${a.roleLabel}，进行中 ${a.open} 单）`, value: a.userId }))]}
        />
      </Field>
      <Field label='照片'>
        <PhotoField id='wo-photos' value={photos} onChange={setPhotos} max={6} label='工单照片' size={56} />
      </Field>
      {formError ? <Alert theme='error' message={formError} /> : null}
      <div className='form-actions'>
        {props.onCancel ? (
          <Button variant='outline' onClick={props.onCancel}>
            取消
          </Button>
        ) : null}
        <Button id='wo-create' theme='primary' loading={busy} onClick={() => void submit()}>
          登记并派单
        </Button>
      </div>
    </Form>
  )
}
