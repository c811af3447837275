import { useState } from 'react'
import { Alert, DatePicker, Form, Input, InputNumber, Textarea } from 'tdesign-react'
import type { ProposalViewT } from '@contracts/proposal'
import type { ApiError } from '@contracts/errors'
import { parseYuan, yuanInput } from '../../../../src/utils/money'
import { formatDate, formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { KindCategoryFields } from './KindCategoryFields'
import { PhotoField } from '../../shell/PhotoField'

const DAY = 24 * 3600_000
/** Gathering closes at the end of the chosen day. */
const CLOSING_HOUR = 22

/**
 * 发起意向登记: what the office thinks of sourcing, its rough price, the quantity at which it is
 * worth it (成团数量), how many a household may register, and until when. Residents see it as 接龙.
 */
export function ProposalDialog({ proposal, onClose }: { proposal: ProposalViewT | null; onClose: (saved: string | null) => void }) {
  const p = proposal
  const [d, setD] = useState({
    title: p?.title ?? '',
    description: p?.description ?? '',
    kind: p?.kind ?? ('goods' as const),
    category: p?.category ?? ('other' as const),
    images: p ? [...p.images] : [],
    unit: p?.unit ?? '份',
    price: p ? yuanInput(p.indicativePriceFen) : '',
    threshold: p?.threshold ?? 30,
    limit: p?.householdLimit ?? 2,
    closesAt: p?.closesAt ?? parseShanghai(formatDate(Date.now() + 7 * DAY), CLOSING_HOUR)
  })
  const [error, setError] = useState<ApiError | null>(null)
  const [typed, setTyped] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const set = (x: Partial<typeof d>) => setD((v) => ({ ...v, ...x }))
  const status = (path: string) => (typed[path] ? { status: 'error' as const, tips: typed[path] } : fieldStatus(error, `proposal.${path}`))

  const submit = async () => {
    const priceFen = parseYuan(d.price)
    setTyped(priceFen === null ? { indicativePriceFen: '请填写预计价格，最多两位小数' } : {})
    if (priceFen === null) return
    setBusy(true)
    const res = await api.order.saveProposal({
      ...(p ? { id: p.id } : {}),
      proposal: { title: d.title, description: d.description, kind: d.kind, category: d.category, images: d.images, unit: d.unit, indicativePriceFen: priceFen, threshold: d.threshold, householdLimit: d.limit, closesAt: d.closesAt }
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(`「${res.data.title}」`)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={p ? `修改${p.title}` : '发起意向登记'} width={760} saveId='proposal-save' saveText={p ? '保存' : '发布征集'} busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Alert theme='info' message='先收集各户需要的数量，达到成团数量后一键转为预售：登记的住户自动获得预留，付款即确认。' />
      <Form labelWidth={104} colon={false}>
        <Field label='标题' required {...status('title')}>
          <Input name='proposal-title' value={d.title} maxlength={30} placeholder='例如：冬季羊绒衫团购、空调深度清洗' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <KindCategoryFields idPrefix='proposal' kind={d.kind} category={d.category} kindLabel='类型' status={status} onChange={set} />
        <Field label='单位' required {...status('unit')}>
          <Input name='proposal-unit' value={d.unit} maxlength={6} placeholder='件、箱、台、次' style={{ width: 160 }} onChange={(v) => set({ unit: String(v) })} />
        </Field>
        <Field label='预计价格' required {...status('indicativePriceFen')} help='住户看到的是「预计」，转预售时再定实际价格'>
          <Input name='proposal-price' value={d.price} placeholder='0.00' suffix={`元/${d.unit || '份'}`} style={{ width: 180 }} onChange={(v) => set({ price: String(v) })} />
        </Field>
        <Field label='成团数量' required {...status('threshold')} help='全社区登记达到这个数量，就值得采购'>
          <InputNumber className='proposal-threshold' value={d.threshold} min={1} max={100000} theme='column' suffix={d.unit} style={{ width: 160 }} onChange={(v) => set({ threshold: Number(v) || 0 })} />
        </Field>
        <Field label='每户最多登记' required {...status('householdLimit')}>
          <InputNumber className='proposal-limit' value={d.limit} min={1} max={99} theme='column' suffix={d.unit} style={{ width: 160 }} onChange={(v) => set({ limit: Number(v) || 1 })} />
        </Field>
        <Field label='征集截止' required {...status('closesAt')} help='最长 60 天'>
          <DatePicker
            className='proposal-closes'
            enableTimePicker
            format='YYYY-MM-DD HH:mm'
            value={formatDateTime(d.closesAt)}
            onChange={(v) => {
              const ms = parseShanghai(String(v ?? ''))
              if (!Number.isNaN(ms)) set({ closesAt: ms })
            }}
          />
        </Field>
        <Field label='图片' {...status('images')} help='实拍或样品图，住户登记前能看到'>
          <PhotoField id='proposal-images' label='图片' max={6} size={80} value={d.images} onChange={(images) => set({ images })} />
        </Field>
        <Field label='介绍' {...status('description')}>
          <Textarea name='proposal-description' value={d.description} maxlength={1000} autosize={{ minRows: 3, maxRows: 8 }} placeholder='为什么发起、大概什么品质、什么时候能到' onChange={(v) => set({ description: String(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}

