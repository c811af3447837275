import { useState } from 'react'
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Switch, Textarea } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import type { AdminLineView } from '@contracts/booking-setup'
import { LINE_KINDS, LINE_KIND_LABELS } from '@contracts/booking-setup'
import type { ApiError } from '@contracts/errors'
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '@contracts/service-categories'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { NeedPicker } from '../../shell/NeedPicker'
import { PhotoField } from '../../shell/PhotoField'

export type LineDraft = Omit<AdminLineView, 'id'> & { id?: string }

export const BLANK_LINE: LineDraft = {
  name: '',
  category: 'housekeeping',
  kind: 'service',
  description: '',
  priceFen: null,
  durationMin: 120,
  freeUnderPropertyFee: false,
  slotCapacity: 2,
  checklist: [''],
  cover: null,
  needs: [],
  active: true
}

type Pricing = 'fixed' | 'quoted' | 'free'
const PRICING_LABELS: Record<Pricing, string> = { fixed: '一口价', quoted: '上门报价', free: '物业费包含' }
/** A new line starts as a fixed price, the most common; a saved one as it was saved. */
const pricingOf = (l: LineDraft): Pricing => (l.freeUnderPropertyFee ? 'free' : l.priceFen === null && l.id ? 'quoted' : 'fixed')

/** A service line: what is done, how it is priced, how long it takes, its standard, how many a slot takes. */
export function LineDialog({ draft, onClose }: { draft: LineDraft; onClose: (saved: string | null) => void }) {
  const [line, setLine] = useState(draft)
  const [pricing, setPricing] = useState<Pricing>(pricingOf(draft))
  const [price, setPrice] = useState(draft.priceFen === null ? '' : yuanInput(draft.priceFen))
  const [priceError, setPriceError] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (p: Partial<LineDraft>) => setLine((l) => ({ ...l, ...p }))
  const status = (path: string) => fieldStatus(error, `line.${path}`)

  const submit = async () => {
    const priceFen = pricing === 'fixed' ? parseYuan(price) : null
    setPriceError(pricing === 'fixed' && !priceFen ? '请填写价格，最多两位小数' : null)
    if (pricing === 'fixed' && !priceFen) return
    setBusy(true)
    const { id, ...rest } = line
    const res = await api.booking.saveLine({ ...(id ? { id } : {}), line: { ...rest, priceFen, freeUnderPropertyFee: pricing === 'free', checklist: line.checklist.map((c) => c.trim()).filter(Boolean) } })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(line.name)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={line.id ? `修改${draft.name}` : '新增服务项目'} width={720} saveId='line-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={112} colon={false}>
        <Form.FormItem label='项目名称' name='name' initialData={draft.name} requiredMark {...status('name')}>
          <Input name='line-name' value={line.name} placeholder='例如：日常保洁 2 小时' onChange={(v) => set({ name: String(v) })} />
        </Form.FormItem>
        <Form.FormItem label='类型与类别' name='category' initialData={draft.category} requiredMark {...status('category')}>
          <div className='inline-fields'>
            <Select style={{ width: 120 }} value={line.kind} onChange={(v) => set({ kind: LINE_KINDS.find((k) => k === v) ?? line.kind })} options={LINE_KINDS.map((k) => ({ value: k, label: LINE_KIND_LABELS[k] }))} />
            <Select style={{ width: 160 }} value={line.category} onChange={(v) => set({ category: SERVICE_CATEGORIES.find((c) => c === v) ?? line.category })} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[c] }))} />
          </div>
        </Form.FormItem>
        <Form.FormItem label='收费方式' name='pricing' initialData={pricingOf(draft)} requiredMark {...(priceError ? { status: 'error', tips: priceError } : status('priceFen'))}>
          <div className='inline-fields'>
            <Radio.Group variant='default-filled' value={pricing} onChange={(v) => setPricing(v === 'quoted' || v === 'free' ? v : 'fixed')}>
              {(['fixed', 'quoted', 'free'] as const).map((p) => (
                <Radio.Button key={p} value={p}>
                  {PRICING_LABELS[p]}
                </Radio.Button>
              ))}
            </Radio.Group>
            {pricing === 'fixed' ? <Input name='line-price' style={{ width: 160 }} value={price} suffix='元' placeholder='0.00' onChange={(v) => setPrice(String(v))} /> : null}
          </div>
        </Form.FormItem>
        <Form.FormItem label='服务时长' name='durationMin' initialData={draft.durationMin} {...status('durationMin')}>
          <InputNumber theme='normal' style={{ width: 160 }} min={30} max={480} step={30} value={line.durationMin} suffix='分钟' onChange={(v) => set({ durationMin: Number(v) })} />
        </Form.FormItem>
        <Form.FormItem label='每时段接单上限' name='slotCapacity' initialData={draft.slotCapacity} {...status('slotCapacity')} help='每个两小时时段最多接几单；还受在岗师傅人数限制'>
          <InputNumber theme='normal' style={{ width: 160 }} min={1} max={20} value={line.slotCapacity} suffix='单' onChange={(v) => set({ slotCapacity: Number(v) })} />
        </Form.FormItem>
        <Form.FormItem label='服务说明' name='description' initialData={draft.description} {...status('description')}>
          <Textarea name='line-description' value={line.description} maxlength={200} placeholder='住户在预约时看到的说明' onChange={(v) => set({ description: String(v) })} />
        </Form.FormItem>
        <Field label='适合需求' help='为你推荐按住户的需求（五省）匹配；可多选' {...status('needs')}>
          <NeedPicker id='line-needs' value={line.needs} onChange={(needs) => set({ needs })} />
        </Field>
        <Field label='封面' help='住户在服务列表和预约详情中看到的照片' {...status('cover')}>
          <PhotoField id='line-cover' label='封面' max={1} size={120} value={line.cover ? [line.cover] : []} onChange={(ids) => set({ cover: ids[0] ?? null })} />
        </Field>
        <Form.FormItem label='服务标准' requiredMark {...status('checklist')} help='师傅上门时逐项完成并勾选，住户可以看到'>
          <div className='doors'>
            {line.checklist.map((c, i) => (
              <div className='doors__row' key={i}>
                <span className='step-no'>{i + 1}</span>
                <Input className='checklist-item' value={c} placeholder='例如：铺设防护布' onChange={(v) => set({ checklist: line.checklist.map((x, k) => (k === i ? String(v) : x)) })} />
                {line.checklist.length > 1 ? <Button variant='text' shape='square' icon={<DeleteIcon />} onClick={() => set({ checklist: line.checklist.filter((_, k) => k !== i) })} /> : null}
              </div>
            ))}
            {line.checklist.length < 12 ? (
              <Button variant='dashed' icon={<AddIcon />} onClick={() => set({ checklist: [...line.checklist, ''] })}>
                再加一项
              </Button>
            ) : null}
          </div>
        </Form.FormItem>
        <Form.FormItem label='上架' name='active' initialData={draft.active}>
          <Switch value={line.active} onChange={(v) => set({ active: Boolean(v) })} />
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
