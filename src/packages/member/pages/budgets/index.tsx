import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BUDGET_KIND_LABELS } from '@contracts/member'
import { api, useSession } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { TextBox } from '../../../../components/TextBox'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { parseYuan } from '../../../../utils/money'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Chip, Field, Price, Section, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { memberLink, usePageCommunity } from '../../links'
import '../../member.scss'

const KINDS: SegmentedOption<Kind>[] = [{ value: 'campaign', label: BUDGET_KIND_LABELS.campaign }, { value: 'event', label: BUDGET_KIND_LABELS.event }]

type Kind = keyof typeof BUDGET_KIND_LABELS
interface Form {
  title: string
  kind: Kind
  eventId: string
  cap: string
}

/** Incentive budgets per event or campaign and how much of each is used; operators set them up. */
export default function BudgetsPage() {
  const communityId = usePageCommunity()
  const { me } = useSession()
  const operator = me?.current?.role === 'operator'
  const q = useQuery(() => api.member.budgets(), [])
  const [form, setForm] = useState<Form | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)
  const set = (patch: Partial<Form>) => setForm((f) => (f ? { ...f, ...patch } : f))

  const save = async () => {
    if (!form) return
    const capFen = parseYuan(form.cap)
    if (capFen === null) return setErrors({ capFen: form.cap.trim() ? '请填写金额，如 2000' : '请填写预算金额' })
    setErrors({})
    setBusy(true)
    const r = await api.member.createBudget({
      budget: { title: form.title, kind: form.kind, capFen, ...(form.kind === 'event' && form.eventId ? { eventId: form.eventId } : {}) },
      clientRequestId: requestId
    })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error, 'budget.'))
      return toastError(r.error)
    }
    setForm(null)
    setRequestId(newRequestId())
    void q.reload()
  }

  const open = (id: string) => void Taro.navigateTo({ url: memberLink('budget', communityId, { id }) })

  return (
    <PageShell id='budgets-page' query={q}>
      {(data) => {
        const eventTitle = (id: string | null) => data.events.find((e) => e.id === id)?.title
        return (
          <>
            {operator && !form ? (
              <ButtonRow>
                <Button id='budget-new' type='primary' onClick={() => setForm({ title: '', kind: 'campaign', eventId: '', cap: '' })}>
                  设立激励预算
                </Button>
              </ButtonRow>
            ) : null}
            {form ? (
              <Section title='设立预算' id='budget-form'>
                <Field label='名称' required error={errors.title}>
                  <TextBox id='budget-title' value={form.title} maxLength={24} placeholder='例如：重阳节活动激励' onChange={(v) => set({ title: v })} />
                </Field>
                <Field label='用于'>
                  <Segmented<Kind> id='budget-kind' value={form.kind} options={KINDS} onChange={(kind) => set({ kind })} />
                </Field>
                {form.kind === 'event' ? (
                  <Field label='活动' hint='签到、评价奖励从这个预算发放' error={errors.eventId}>
                    {data.events.length ? (
                      <Choices id='budget-event' value={form.eventId} options={data.events.map((e) => ({ value: e.id, label: `${e.title} · ${formatDate(e.startAt)}` }))} onChange={(eventId) => set({ eventId })} />
                    ) : (
                      <Text className='mb-meta'>近期没有活动</Text>
                    )}
                  </Field>
                ) : null}
                <Field label='预算金额（元）' required error={errors.capFen}>
                  <TextBox id='budget-cap' type='digit' value={form.cap} placeholder='例如：2000' onChange={(v) => set({ cap: v })} />
                </Field>
                <ButtonRow>
                  <Button id='budget-cancel' onClick={() => setForm(null)}>
                    取消
                  </Button>
                  <Button id='budget-save' type='primary' loading={busy} onClick={() => void save()}>
                    创建
                  </Button>
                </ButtonRow>
              </Section>
            ) : null}
            <View style={{ height: '24px' }} />
            {data.budgets.length === 0 && !form ? (
              <EmptyState
                title='还没有激励预算'
                hint={operator ? '为活动或专项设一笔预算，工作人员就能从中给住户发现金券、服务卡或积分' : '物业设立预算后会出现在这里'}
              />
            ) : null}
            {data.budgets.map((b) => {
              const pct = b.capFen > 0 ? Math.round((b.spentFen / b.capFen) * 100) : 0
              return (
                <View key={b.id} id={`budget-${b.id}`} onClick={() => open(b.id)}>
                  <Section title={b.title} extra={<Chip text={BUDGET_KIND_LABELS[b.kind]} tone='info' />}>
                    {b.eventId ? <Text className='mb-meta'>活动：{eventTitle(b.eventId) ?? '较早的活动'}</Text> : null}
                    <View className='mb-bar'>
                      <View className={`mb-bar__fill ${pct >= 90 ? 'mb-bar__fill--hot' : ''}`} style={{ width: `${Math.min(100, pct)}%` }} />
                    </View>
                    <View className='mb-row'>
                      <Text className='mb-meta'>
                        已用 {pct}%，发放 {b.grants} 次
                      </Text>
                      <View>
                        <Price fen={b.spentFen} size='s' />
                        <Text className='mb-meta' style={{ display: 'inline' }}>
                          {' '}
                          /{' '}
                        </Text>
                        <Price fen={b.capFen} size='s' />
                      </View>
                    </View>
                  </Section>
                </View>
              )
            })}
          </>
        )
      }}
    </PageShell>
  )
}
