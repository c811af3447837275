import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { COUPON_KIND_LABELS, type CouponKind, SCOPE_TYPE_LABELS, type ScopeType } from '@contracts/member'
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@contracts/order'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { TextBox } from '../../../../components/TextBox'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { FieldErrorsNotice } from '../../../../components/FieldErrorsNotice'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, DateTimeField, Field, Notice, Section, Segmented, type SegmentedOption, Stepper } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { memberLink, usePageCommunity } from '../../links'
import type { Template } from '../../types'
import { type TemplateForm, blankForm, checkForm } from '../../../../utils/coupon-form'
import '../../member.scss'

const VALIDITIES: SegmentedOption<'days' | 'dates'>[] = [{ value: 'days', label: '领取后若干天' }, { value: 'dates', label: '固定日期' }]
const CLAIM_MODES: SegmentedOption<'yes' | 'no'>[] = [{ value: 'yes', label: '领券中心可领' }, { value: 'no', label: '仅定向发放' }]


function TextField(props: { id: string; label: string; value: string; onChange: (v: string) => void; placeholder?: string; error?: string; hint?: string; digits?: boolean }) {
  return (
    <Field label={props.label} error={props.error} hint={props.hint}>
      <TextBox id={props.id} type={props.digits ? 'digit' : 'text'} value={props.value} placeholder={props.placeholder ?? ''} onChange={(v) => props.onChange(v)} />
    </Field>
  )
}

/** Operator: coupon templates with their stock, and a form for a new one. */
export default function TemplatesPage() {
  const communityId = usePageCommunity()
  const q = useQuery(() => api.member.templates(), [])
  const [form, setForm] = useState<TemplateForm | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const set = (patch: Partial<TemplateForm>) => setForm((f) => (f ? { ...f, ...patch } : f))
  // What a scope can point at, asked for only when that scope is chosen.
  const products = useQuery(() => api.order.catalog(), [], { enabled: form?.scope === 'product', reloadOnShow: false })
  const lines = useQuery(() => api.booking.lines({}), [], { enabled: form?.scope === 'service', reloadOnShow: false })

  const save = async () => {
    if (!form) return
    const checked = checkForm(form)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    setBusy(true)
    const r = await api.member.createTemplate({ template: checked.draft, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error, 'template.'))
      return toastError(r.error)
    }
    setForm(null)
    setRequestId(newRequestId())
    void Taro.showToast({ title: '已创建', icon: 'success' })
    void q.reload()
  }

  const toggle = async (t: Template) => {
    const r = await api.member.updateTemplate({ id: t.id, patch: { active: !t.active } })
    if (!r.ok) return toastError(r.error)
    void q.reload()
  }

  const scopeOptions =
    form?.scope === 'category'
      ? PRODUCT_CATEGORIES.map((c) => ({ value: c, label: PRODUCT_CATEGORY_LABELS[c] }))
      : form?.scope === 'product'
        ? (products.data?.products ?? []).map((p) => ({ value: p.id, label: p.name }))
        : form?.scope === 'service'
          ? (lines.data?.lines ?? []).map((l) => ({ value: l.id, label: l.name }))
          : []

  return (
    <PageShell id='templates-page' query={q}>
      {(data) => (
        <>
          {!form ? (
            <ButtonRow>
              <Button id='template-new' type='primary' onClick={() => setForm(blankForm(Date.now()))}>
                新建优惠券模板
              </Button>
            </ButtonRow>
          ) : (
            <Section title='新建模板' id='template-form'>
              <TextField id='tpl-title' label='名称' value={form.title} error={errors.title} placeholder='例如：生鲜满减券' onChange={(v) => set({ title: v })} />
              <Field label='类型'>
                <Segmented<CouponKind>
                  id='tpl-kind'
                  value={form.kind}
                  options={(['fixed', 'threshold', 'percent'] as const).map((k) => ({ value: k, label: COUPON_KIND_LABELS[k] }))}
                  onChange={(kind) => set({ kind })}
                />
              </Field>
              {form.kind === 'percent' ? (
                <>
                  <TextField id='tpl-percent' label='减去的百分比' hint='12 即 88 折，最多 90' digits value={form.percent} error={errors.percentOff} onChange={(v) => set({ percent: v })} />
                  <TextField id='tpl-cap' label='最多减（元）' hint='不填为不封顶' digits value={form.cap} error={errors.capFen} onChange={(v) => set({ cap: v })} />
                </>
              ) : (
                <TextField id='tpl-value' label='面额（元）' digits value={form.value} error={errors.valueFen} placeholder='如 20' onChange={(v) => set({ value: v })} />
              )}
              <TextField
                id='tpl-min'
                label={form.kind === 'threshold' ? '满多少元可用' : '使用门槛（元）'}
                hint={form.kind === 'threshold' ? '须高于面额' : '不填为无门槛'}
                digits
                value={form.minSpend}
                error={errors.minSpendFen}
                onChange={(v) => set({ minSpend: v })}
              />
              <Field label='适用范围' error={errors['scope.value']}>
                <Segmented<ScopeType>
                  id='tpl-scope'
                  value={form.scope}
                  options={(['all', 'category', 'product', 'service'] as const).map((s) => ({ value: s, label: SCOPE_TYPE_LABELS[s] }))}
                  onChange={(scope) => set({ scope, scopeValue: '', scopeLabel: '' })}
                />
                {form.scope !== 'all' ? (
                  scopeOptions.length > 0 ? (
                    <Choices id='tpl-scope-value' value={form.scopeValue} options={scopeOptions} onChange={(v) => set({ scopeValue: v, scopeLabel: scopeOptions.find((o) => o.value === v)?.label ?? '' })} />
                  ) : (
                    <Text className='mb-meta'>{products.loading || lines.loading ? '加载中…' : '还没有可选的项目'}</Text>
                  )
                ) : null}
              </Field>
              <Field label='有效期'>
                <Segmented<'days' | 'dates'> id='tpl-validity' value={form.validity} options={VALIDITIES} onChange={(validity) => set({ validity })} />
              </Field>
              {form.validity === 'days' ? (
                <TextField id='tpl-days' label='领取后有效天数' hint='1 到 365 天' digits value={form.days} error={errors['validity.days']} onChange={(v) => set({ days: v })} />
              ) : (
                <>
                  <DateTimeField id='tpl-from' label='开始日期' mode='date' value={form.from} error={errors['validity.from']} onChange={(from) => set({ from, to: Math.max(form.to, from) })} />
                  <DateTimeField id='tpl-to' label='结束日期（当天有效）' mode='date' value={form.to} min={form.from} error={errors['validity.to']} onChange={(to) => set({ to })} />
                </>
              )}
              <TextField id='tpl-stock' label='库存（张）' digits value={form.stock} error={errors.totalStock} onChange={(v) => set({ stock: v })} />
              <Field label='每人限领（张）' error={errors.perUserLimit}>
                <Stepper id='tpl-limit' value={form.limit} min={1} max={20} onChange={(limit) => set({ limit })} />
              </Field>
              <Field label='领取方式'>
                <Segmented<'yes' | 'no'> id='tpl-claimable' value={form.claimable ? 'yes' : 'no'} options={CLAIM_MODES} onChange={(v) => set({ claimable: v === 'yes' })} />
              </Field>
              <FieldErrorsNotice errors={errors} then='创建' />
              <ButtonRow>
                <Button id='tpl-cancel' onClick={() => setForm(null)}>
                  取消
                </Button>
                <Button id='tpl-save' type='primary' loading={busy} onClick={() => void save()}>
                  创建
                </Button>
              </ButtonRow>
            </Section>
          )}
          <View style={{ height: '24px' }} />
          {data.templates.length === 0 && !form ? (
            <Notice>还没有优惠券模板。建一个模板，住户就能在领券中心领取，也可以定向发给某栋楼或某个等级的会员。</Notice>
          ) : null}
          {data.templates.map((t) => {
            const pct = t.totalStock > 0 ? Math.round((t.issued / t.totalStock) * 100) : 0
            return (
              <Section key={t.id} id={`tpl-${t.id}`} title={t.title} extra={<Chip text={t.active ? (t.claimable ? '领券中心' : '定向发放') : '已下架'} tone={t.active ? 'primary' : 'muted'} />}>
                <Text className='mb-meta'>
                  {t.label} · {t.scopeLabel} · {t.validityLabel}
                </Text>
                <View className='mb-bar'>
                  <View className={`mb-bar__fill ${pct >= 90 ? 'mb-bar__fill--hot' : ''}`} style={{ width: `${pct}%` }} />
                </View>
                <Text className='mb-meta'>
                  已发 {t.issued} / {t.totalStock} 张，已使用 {t.used} 张，每人限 {t.perUserLimit} 张
                </Text>
                <ButtonRow>
                  <Button id={`tpl-toggle-${t.id}`} onClick={() => void toggle(t)}>
                    {t.active ? '下架' : '上架'}
                  </Button>
                  {t.active ? (
                    <Button id={`tpl-issue-${t.id}`} type='primary' onClick={() => void Taro.navigateTo({ url: memberLink('issue', communityId, { templateId: t.id }) })}>
                      定向发放
                    </Button>
                  ) : null}
                </ButtonRow>
              </Section>
            )
          })}
        </>
      )}
    </PageShell>
  )
}
