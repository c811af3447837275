import { useState } from 'react'
import { Alert, Checkbox, Form, Input, Switch, TimePicker } from 'tdesign-react'
import type { WorkerView } from '@contracts/booking-setup'
import type { ApiError } from '@contracts/errors'
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@contracts/service-categories'
import { WEEK_ORDER, clockText, weekdayName } from '@contracts/work-hours'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { PhotoField } from '../../shell/PhotoField'

const minutesOf = (text: string) => {
  const [h = 0, m = 0] = text.split(':').map(Number)
  return h * 60 + m
}

/** A worker's profile: what they can do, when, and whether a partner company sends them. */
export function WorkerDialog({ worker, onClose }: { worker: WorkerView; onClose: (saved: boolean) => void }) {
  const [w, setW] = useState(worker)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (p: Partial<WorkerView>) => setW((x) => ({ ...x, ...p }))
  const status = (path: string) => fieldStatus(error, `worker.${path}`)

  const submit = async () => {
    setBusy(true)
    const res = await api.booking.saveWorker({
      userId: w.userId,
      worker: { name: w.name, phone: w.phone, partner: w.partner, partnerCompany: w.partnerCompany, skills: w.skills, hours: w.hours, certificates: w.certificates, active: w.active }
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(true)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={worker.workerId ? `修改${worker.name}的档案` : `为${worker.nickname}建档`} width={680} saveId='worker-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={96} colon={false}>
        <Form.FormItem label='姓名' name='name' initialData={worker.name} requiredMark {...status('name')}>
          <Input name='worker-name' value={w.name} onChange={(v) => set({ name: String(v) })} />
        </Form.FormItem>
        <Form.FormItem label='手机' name='phone' initialData={worker.phone} requiredMark {...status('phone')} help='住户在预约详情中可拨打（脱敏显示，接单后可见）'>
          <Input name='worker-phone' value={w.phone} maxlength={11} onChange={(v) => set({ phone: String(v) })} />
        </Form.FormItem>
        <Form.FormItem label='技能' name='skills' initialData={worker.skills} requiredMark {...status('skills')}>
          <Checkbox.Group className='worker-skills' value={w.skills} onChange={(v) => set({ skills: SERVICE_CATEGORIES.filter((c) => v.includes(c)) })} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))} />
        </Form.FormItem>
        <Form.FormItem label='工作日' name='days' initialData={worker.hours.days} requiredMark {...status('hours.days')}>
          <Checkbox.Group
            className='worker-days'
            value={w.hours.days}
            onChange={(v) => set({ hours: { ...w.hours, days: WEEK_ORDER.filter((d) => v.includes(d)) } })}
            options={WEEK_ORDER.map((d) => ({ value: d, label: weekdayName(d) }))}
          />
        </Form.FormItem>
        <Form.FormItem label='工作时间' name='hours' initialData={[clockText(worker.hours.startMin), clockText(worker.hours.endMin)]} requiredMark {...status('hours.endMin')}>
          <TimePicker.TimeRangePicker
            format='HH:mm'
            steps={[1, 30]}
            value={[clockText(w.hours.startMin), clockText(w.hours.endMin)]}
            onChange={(v) => set({ hours: { ...w.hours, startMin: minutesOf(String(v[0] ?? '')), endMin: minutesOf(String(v[1] ?? '')) } })}
          />
        </Form.FormItem>
        <Form.FormItem label='合作单位' name='partner' initialData={worker.partner} help='合作单位派来的师傅；关闭即物业自有'>
          <Switch value={w.partner} onChange={(v) => set({ partner: Boolean(v) })} />
        </Form.FormItem>
        {w.partner ? (
          <Form.FormItem label='单位名称' name='partnerCompany' initialData={worker.partnerCompany} requiredMark {...status('partnerCompany')}>
            <Input name='worker-company' value={w.partnerCompany} placeholder='例如：安居家政服务有限公司' onChange={(v) => set({ partnerCompany: String(v) })} />
          </Form.FormItem>
        ) : null}
        <Form.FormItem label='资质证书' name='certificates' initialData={worker.certificates} {...status('certificates')} help='健康证、电工证、上岗证等，拍照上传；办公室核验用'>
          <PhotoField id='worker-certificates' label='证书照片' max={6} size={88} value={w.certificates} onChange={(certificates) => set({ certificates })} />
        </Form.FormItem>
        <Form.FormItem label='接单中' name='active' initialData={worker.active} help='关闭后不再派单，已接的单不受影响'>
          <Switch value={w.active} onChange={(v) => set({ active: Boolean(v) })} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
