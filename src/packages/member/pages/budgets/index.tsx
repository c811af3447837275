import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { BUDGET_KINDS, BUDGET_KIND_LABELS } from '@contracts/member'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Budgets, MEMBER_PKG, budgets, createBudget, newRequestId, yuanToFen } from '../../../../services/member'
import { fieldError, toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { formatDate } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../member.scss'

/** Incentive budgets per event or campaign and how much of each is used; operators set them up. */
export default function BudgetsPage() {
  const [data, setData] = useState<Budgets | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [form, setForm] = useState<{ title: string; kind: (typeof BUDGET_KINDS)[number]; eventId: string; cap: string } | null>(null)
  const [formError, setFormError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const operator = currentMe()?.current?.role === 'operator'

  const load = async () => {
    const r = await budgets()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const save = async () => {
    if (!form) return
    const capFen = yuanToFen(form.cap)
    if (capFen === null) return void Taro.showToast({ title: '请填写预算金额', icon: 'none' })
    setBusy(true)
    const r = await createBudget({
      budget: { title: form.title, kind: form.kind, capFen, ...(form.kind === 'event' && form.eventId ? { eventId: form.eventId } : {}) },
      clientRequestId: requestId
    })
    setBusy(false)
    if (!r.ok) {
      setFormError(r.error)
      return toastError(r.error)
    }
    setForm(null)
    setFormError(null)
    setRequestId(newRequestId())
    void load()
  }

  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  const eventTitle = (id: string | null) => data.events.find((e) => e.id === id)?.title
  return (
    <View className='page' id='budgets-page'>
      {operator && !form ? (
        <Button id='budget-new' className='btn-block' block type='primary' style={{ marginTop: 0, marginBottom: '24px' }} onClick={() => setForm({ title: '', kind: 'campaign', eventId: '', cap: '' })}>
          设立激励预算
        </Button>
      ) : null}
      {form ? (
        <View className='card' id='budget-form'>
          <Text className='section-title'>设立预算</Text>
          <View className='mb-field'>
            <Text className='mb-label'>名称</Text>
            <View className='mb-input'>
              <Input id='budget-title' value={form.title} placeholder='例如：重阳节活动激励' onChange={(v: string) => setForm({ ...form, title: v })} />
            </View>
            {fieldError(formError, 'budget.title') ? <Text className='field-error'>{fieldError(formError, 'budget.title')}</Text> : null}
          </View>
          <View className='mb-field'>
            <Text className='mb-label'>用于</Text>
            <View className='mb-choices'>
              {BUDGET_KINDS.map((k) => (
                <Text key={k} id={`budget-kind-${k}`} className={`mb-choice ${form.kind === k ? 'mb-choice--on' : ''}`} onClick={() => setForm({ ...form, kind: k })}>
                  {BUDGET_KIND_LABELS[k]}
                </Text>
              ))}
            </View>
          </View>
          {form.kind === 'event' ? (
            <View className='mb-field'>
              <Text className='mb-label'>活动（签到、评价奖励从此预算发放）</Text>
              <View className='mb-choices'>
                {data.events.map((e) => (
                  <Text key={e.id} className={`mb-choice ${form.eventId === e.id ? 'mb-choice--on' : ''}`} onClick={() => setForm({ ...form, eventId: e.id })}>
                    {e.title} · {formatDate(e.startAt)}
                  </Text>
                ))}
              </View>
              {fieldError(formError, 'budget.eventId') ? <Text className='field-error'>{fieldError(formError, 'budget.eventId')}</Text> : null}
            </View>
          ) : null}
          <View className='mb-field'>
            <Text className='mb-label'>预算金额（元）</Text>
            <View className='mb-input'>
              <Input id='budget-cap' type='digit' value={form.cap} placeholder='例如：2000' onChange={(v: string) => setForm({ ...form, cap: v })} />
            </View>
          </View>
          <View className='mb-row-actions'>
            <Button size='small' onClick={() => setForm(null)}>
              取消
            </Button>
            <Button id='budget-save' size='small' type='primary' loading={busy} onClick={() => void save()}>
              创建
            </Button>
          </View>
        </View>
      ) : null}
      {data.budgets.length === 0 ? <StateView empty='还没有激励预算' /> : null}
      {data.budgets.map((b) => {
        const pct = b.capFen > 0 ? Math.round((b.spentFen / b.capFen) * 100) : 0
        return (
          <View key={b.id} className='card' id={`budget-${b.id}`} onClick={() => void Taro.navigateTo({ url: `${MEMBER_PKG}/budget/index?id=${b.id}` })}>
            <View className='row'>
              <Text className='mb-ticket__title'>{b.title}</Text>
              <Text className='badge badge--info'>{BUDGET_KIND_LABELS[b.kind]}</Text>
            </View>
            {b.eventId ? <Text className='mb-ticket__line'>活动：{eventTitle(b.eventId) ?? '（较早的活动）'}</Text> : null}
            <View className='mb-bar'>
              <View className={`mb-bar__fill ${pct >= 90 ? 'mb-bar__fill--hot' : ''}`} style={{ width: `${pct}%` }} />
            </View>
            <View className='row'>
              <Text className='muted'>
                已用 {pct}% · 发放 {b.grants} 次
              </Text>
              <View>
                <Price fen={b.spentFen} size='s' />
                <Text className='muted'> / </Text>
                <Price fen={b.capFen} size='s' />
              </View>
            </View>
          </View>
        )
      })}
    </View>
  )
}
