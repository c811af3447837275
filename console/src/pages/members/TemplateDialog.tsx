import { useState } from 'react'
import { Alert, DateRangePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'tdesign-react'
import { COUPON_KINDS, COUPON_KIND_LABELS, SCOPE_TYPES, SCOPE_TYPE_LABELS } from '@contracts/member'
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@contracts/order'
import { type TemplateForm, blankForm, checkForm } from '../../../../src/utils/coupon-form'
import { formatDate, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

/**
 * A new coupon template: the money terms, what it applies to, how long it is valid, the stock and
 * whether residents may claim it. The request id is drawn once per dialog: a double click makes one.
 */
export function TemplateDialog({ scopes, onClose }: { scopes: { product: { value: string; label: string }[]; service: { value: string; label: string }[] }; onClose: (saved: string | null) => void }) {
  const [requestId] = useState(newRequestId)
  const [f, setF] = useState<TemplateForm>(() => blankForm(Date.now()))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (p: Partial<TemplateForm>) => setF((x) => ({ ...x, ...p }))
  const status = (...keys: string[]) => {
    const e = keys.map((k) => errors[k]).find(Boolean)
    return e ? { status: 'error' as const, tips: e } : {}
  }
  const scopeOptions =
    f.scope === 'category' ? PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] })) : f.scope === 'product' ? scopes.product : f.scope === 'service' ? scopes.service : []

  const submit = async () => {
    const checked = checkForm(f)
    setFormError(null)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    const res = await api.member.createTemplate({ template: checked.draft, clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, 'template.')
      setErrors(refused.fields)
      return setFormError(refused.message)
    }
    onClose(res.data.title)
  }

  return (
    <FormDialog header='新建优惠券' width={720} saveId='template-save' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={112} colon={false}>
        <Field label='名称' required {...status('title')}>
          <Input name='template-title' value={f.title} maxlength={20} placeholder='例如：生鲜满减券' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='类型' {...status('kind')}>
          <Radio.Group variant='default-filled' value={f.kind} onChange={(v) => set({ kind: COUPON_KINDS.find((k) => k === v) ?? 'fixed' })}>
            {COUPON_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                {COUPON_KIND_LABELS[k]}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Field>
        {f.kind === 'percent' ? (
          <>
            <Field label='减去比例' required {...status('percentOff')} help='12 即 88 折，最多 90'>
              <Input className='template-percent' value={f.percent} suffix='%' style={{ width: 140 }} onChange={(v) => set({ percent: String(v) })} />
            </Field>
            <Field label='最多减' {...status('capFen')} help='不填为不封顶'>
              <Input className='template-cap' value={f.cap} suffix='元' style={{ width: 140 }} onChange={(v) => set({ cap: String(v) })} />
            </Field>
          </>
        ) : (
          <Field label='面额' required {...status('valueFen')}>
            <Input className='template-value' value={f.value} suffix='元' style={{ width: 140 }} onChange={(v) => set({ value: String(v) })} />
          </Field>
        )}
        <Field label={f.kind === 'threshold' ? '满多少可用' : '使用门槛'} required={f.kind === 'threshold'} {...status('minSpendFen')} help={f.kind === 'threshold' ? '须高于面额' : '不填为无门槛'}>
          <Input className='template-min' value={f.minSpend} suffix='元' style={{ width: 140 }} onChange={(v) => set({ minSpend: String(v) })} />
        </Field>
        <Field label='适用范围' {...status('scope', 'scope.value')}>
          <div className='inline-fields'>
            <Select className='template-scope' value={f.scope} style={{ width: 110 }} onChange={(v) => set({ scope: SCOPE_TYPES.find((s) => s === v) ?? 'all', scopeValue: '', scopeLabel: '' })} options={SCOPE_TYPES.map((s) => ({ value: s, label: SCOPE_TYPE_LABELS[s] }))} />
            {f.scope !== 'all' ? (
              <Select
                className='template-scope-value'
                value={f.scopeValue}
                filterable
                placeholder={scopeOptions.length ? `选择${SCOPE_TYPE_LABELS[f.scope]}` : '还没有可选的项目'}
                style={{ width: 280 }}
                onChange={(v) => set({ scopeValue: String(v ?? ''), scopeLabel: scopeOptions.find((o) => o.value === v)?.label ?? '' })}
                options={scopeOptions}
              />
            ) : null}
          </div>
        </Field>
        <Field label='有效期' {...status('validity.days', 'validity.to', 'validity')}>
          <div className='inline-fields'>
            <Radio.Group variant='default-filled' value={f.validity} onChange={(v) => set({ validity: v === 'dates' ? 'dates' : 'days' })}>
              <Radio.Button value='days'>领取后若干天</Radio.Button>
              <Radio.Button value='dates'>固定日期</Radio.Button>
            </Radio.Group>
            {f.validity === 'days' ? (
              <Input className='template-days' value={f.days} suffix='天' style={{ width: 120 }} onChange={(v) => set({ days: String(v) })} />
            ) : (
              <DateRangePicker
                className='template-dates'
                value={[formatDate(f.from), formatDate(f.to)]}
                format='YYYY-MM-DD'
                onChange={(v) => {
                  const [a, b] = v.map((x) => parseShanghai(String(x ?? ''), 0))
                  if (a !== undefined && b !== undefined && !Number.isNaN(a) && !Number.isNaN(b)) set({ from: a, to: b })
                }}
              />
            )}
          </div>
        </Field>
        <Field label='库存' required {...status('totalStock')}>
          <Input className='template-stock' value={f.stock} suffix='张' style={{ width: 140 }} onChange={(v) => set({ stock: String(v) })} />
        </Field>
        <Field label='每人限领' {...status('perUserLimit')}>
          <InputNumber className='template-limit' value={f.limit} min={1} max={20} theme='column' suffix='张' style={{ width: 140 }} onChange={(v) => set({ limit: Number(v) || 1 })} />
        </Field>
        <Field label='住户可领' help='打开后出现在小程序「领券中心」；关闭则只能定向发放'>
          <Switch value={f.claimable} onChange={(v) => set({ claimable: Boolean(v) })} />
        </Field>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
