import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { COUPON_KINDS, COUPON_KIND_LABELS, SCOPE_TYPES, type ScopeType, TemplateDraftSchema } from '@contracts/member'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { MEMBER_PKG, type Template, createTemplate, newRequestId, templates, updateTemplate, yuanToFen } from '../../../../services/member'
import { toastError } from '../../../../services/result'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../member.scss'

const SCOPE_LABELS: Record<ScopeType, string> = { all: '全场通用', category: '指定品类', product: '指定商品', service: '指定服务' }

interface FormText {
  title: string
  kind: (typeof COUPON_KINDS)[number]
  value: string
  percent: string
  cap: string
  minSpend: string
  scope: ScopeType
  scopeValue: string
  scopeLabel: string
  validity: 'days' | 'dates'
  days: string
  from: string
  to: string
  stock: string
  limit: string
  claimable: boolean
}

const BLANK: FormText = {
  title: '',
  kind: 'fixed',
  value: '',
  percent: '',
  cap: '',
  minSpend: '',
  scope: 'all',
  scopeValue: '',
  scopeLabel: '',
  validity: 'days',
  days: '30',
  from: '',
  to: '',
  stock: '100',
  limit: '1',
  claimable: true
}

/** `YYYY-MM-DD` in Asia/Shanghai → the first (or, with `end`, the last) instant of that day. */
function dayMs(text: string, end = false): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!m) return NaN
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - 8 * 3600_000
  return end ? start + 24 * 3600_000 - 1 : start
}

function Field(props: { id: string; label: string; value: string; onChange: (v: string) => void; placeholder?: string; error?: string }) {
  return (
    <View className='mb-field'>
      <Text className='mb-label'>{props.label}</Text>
      <View className='mb-input'>
        <Input id={props.id} value={props.value} placeholder={props.placeholder ?? ''} onChange={(v: string) => props.onChange(v)} />
      </View>
      {props.error ? <Text className='field-error'>{props.error}</Text> : null}
    </View>
  )
}

/** Operator: coupon templates with their stock, and a form for a new one. */
export default function TemplatesPage() {
  const [list, setList] = useState<Template[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [form, setForm] = useState<FormText | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const load = async () => {
    const r = await templates()
    if (r.ok) setList(r.data.templates)
    else setError(r.error)
  }
  useDidShow(() => void load())
  const set = (patch: Partial<FormText>) => form && setForm({ ...form, ...patch })

  const save = async () => {
    if (!form) return
    const fen = (t: string) => yuanToFen(t || '0') ?? -1
    const draft = {
      title: form.title,
      kind: form.kind,
      valueFen: form.kind === 'percent' ? 0 : fen(form.value),
      percentOff: form.kind === 'percent' ? Number(form.percent || '0') : 0,
      capFen: form.kind === 'percent' ? fen(form.cap) : 0,
      minSpendFen: fen(form.minSpend),
      scope: { type: form.scope, value: form.scope === 'all' ? '' : form.scopeValue.trim(), label: form.scope === 'all' ? '' : form.scopeLabel.trim() },
      validity: form.validity === 'days' ? { type: 'days' as const, days: Number(form.days) } : { type: 'dates' as const, from: dayMs(form.from), to: dayMs(form.to, true) },
      totalStock: Number(form.stock),
      perUserLimit: Number(form.limit),
      claimable: form.claimable
    }
    const parsed = TemplateDraftSchema.safeParse(draft)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message])))
      return
    }
    setErrors({})
    setBusy(true)
    const r = await createTemplate({ template: parsed.data, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^template\./, ''), f.message])))
      return toastError(r.error)
    }
    setForm(null)
    setRequestId(newRequestId())
    void Taro.showToast({ title: '已创建', icon: 'success' })
    void load()
  }

  const toggle = async (t: Template) => {
    const r = await updateTemplate({ id: t.id, patch: { active: !t.active } })
    if (!r.ok) return toastError(r.error)
    void load()
  }

  return (
    <View className='page' id='templates-page'>
      {!form ? (
        <Button id='template-new' className='btn-block' block type='primary' style={{ marginTop: 0, marginBottom: '24px' }} onClick={() => setForm(BLANK)}>
          新建优惠券模板
        </Button>
      ) : (
        <View className='card' id='template-form'>
          <Text className='section-title'>新建模板</Text>
          <Field id='tpl-title' label='名称' value={form.title} error={errors.title} placeholder='例如：生鲜满减券' onChange={(v) => set({ title: v })} />
          <View className='mb-field'>
            <Text className='mb-label'>类型</Text>
            <View className='mb-choices'>
              {COUPON_KINDS.map((k) => (
                <Text key={k} id={`tpl-kind-${k}`} className={`mb-choice ${form.kind === k ? 'mb-choice--on' : ''}`} onClick={() => set({ kind: k })}>
                  {COUPON_KIND_LABELS[k]}
                </Text>
              ))}
            </View>
          </View>
          {form.kind === 'percent' ? (
            <>
              <Field id='tpl-percent' label='折扣（减去的百分比，12 即 88 折）' value={form.percent} error={errors.percentOff} onChange={(v) => set({ percent: v })} />
              <Field id='tpl-cap' label='最多减（元，0 为不封顶）' value={form.cap} error={errors.capFen} onChange={(v) => set({ cap: v })} />
            </>
          ) : (
            <Field id='tpl-value' label='面额（元）' value={form.value} error={errors.valueFen} onChange={(v) => set({ value: v })} />
          )}
          <Field id='tpl-min' label={form.kind === 'threshold' ? '满多少元可用' : '使用门槛（元，0 为无门槛）'} value={form.minSpend} error={errors.minSpendFen} onChange={(v) => set({ minSpend: v })} />
          <View className='mb-field'>
            <Text className='mb-label'>适用范围</Text>
            <View className='mb-choices'>
              {SCOPE_TYPES.map((s) => (
                <Text key={s} id={`tpl-scope-${s}`} className={`mb-choice ${form.scope === s ? 'mb-choice--on' : ''}`} onClick={() => set({ scope: s })}>
                  {SCOPE_LABELS[s]}
                </Text>
              ))}
            </View>
          </View>
          {form.scope !== 'all' ? (
            <>
              <Field id='tpl-scope-value' label='品类、商品或服务的编号' value={form.scopeValue} error={errors['scope.value']} placeholder='例如：fresh' onChange={(v) => set({ scopeValue: v })} />
              <Field id='tpl-scope-label' label='显示名称' value={form.scopeLabel} placeholder='例如：生鲜' onChange={(v) => set({ scopeLabel: v })} />
            </>
          ) : null}
          <View className='mb-field'>
            <Text className='mb-label'>有效期</Text>
            <View className='mb-choices'>
              <Text id='tpl-validity-days' className={`mb-choice ${form.validity === 'days' ? 'mb-choice--on' : ''}`} onClick={() => set({ validity: 'days' })}>
                领取后 N 天
              </Text>
              <Text id='tpl-validity-dates' className={`mb-choice ${form.validity === 'dates' ? 'mb-choice--on' : ''}`} onClick={() => set({ validity: 'dates' })}>
                固定日期
              </Text>
            </View>
          </View>
          {form.validity === 'days' ? (
            <Field id='tpl-days' label='天数' value={form.days} error={errors['validity.days']} onChange={(v) => set({ days: v })} />
          ) : (
            <>
              <Field id='tpl-from' label='开始日期（YYYY-MM-DD）' value={form.from} error={errors['validity.from']} onChange={(v) => set({ from: v })} />
              <Field id='tpl-to' label='结束日期（YYYY-MM-DD）' value={form.to} error={errors['validity.to']} onChange={(v) => set({ to: v })} />
            </>
          )}
          <Field id='tpl-stock' label='库存（张）' value={form.stock} error={errors.totalStock} onChange={(v) => set({ stock: v })} />
          <Field id='tpl-limit' label='每人限领（张）' value={form.limit} error={errors.perUserLimit} onChange={(v) => set({ limit: v })} />
          <View className='mb-field'>
            <View className='mb-choices'>
              <Text id='tpl-claimable' className={`mb-choice ${form.claimable ? 'mb-choice--on' : ''}`} onClick={() => set({ claimable: !form.claimable })}>
                {form.claimable ? '✓ ' : ''}住户可在领券中心领取
              </Text>
            </View>
          </View>
          {Object.keys(errors).length ? <Text className='field-error'>请检查标红的字段</Text> : null}
          <View className='mb-row-actions'>
            <Button size='small' onClick={() => setForm(null)}>
              取消
            </Button>
            <Button id='tpl-save' size='small' type='primary' loading={busy} onClick={() => void save()}>
              创建
            </Button>
          </View>
        </View>
      )}
      {!list ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {list && list.length === 0 ? <StateView empty='还没有优惠券模板' /> : null}
      {list?.map((t) => {
        const pct = t.totalStock > 0 ? Math.round((t.issued / t.totalStock) * 100) : 0
        return (
          <View key={t.id} className='card' id={`tpl-${t.id}`}>
            <View className='row'>
              <Text className='mb-ticket__title'>{t.title}</Text>
              <Text className={`badge ${t.active ? '' : 'badge--accent'}`}>{t.active ? (t.claimable ? '领券中心' : '定向发放') : '已下架'}</Text>
            </View>
            <Text className='mb-ticket__line'>
              {t.label} · {t.scopeLabel} · {t.validityLabel}
            </Text>
            <View className='mb-bar'>
              <View className={`mb-bar__fill ${pct >= 90 ? 'mb-bar__fill--hot' : ''}`} style={{ width: `${pct}%` }} />
            </View>
            <Text className='muted'>
              已发 {t.issued} / {t.totalStock} 张 · 已使用 {t.used} 张 · 每人限 {t.perUserLimit} 张
            </Text>
            <View className='mb-row-actions'>
              <Button size='small' onClick={() => void toggle(t)}>
                {t.active ? '下架' : '上架'}
              </Button>
              {t.active ? (
                <Button id={`tpl-issue-${t.id}`} size='small' type='primary' onClick={() => void Taro.navigateTo({ url: `${MEMBER_PKG}/issue/index?templateId=${t.id}` })}>
                  定向发放
                </Button>
              ) : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
