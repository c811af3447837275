import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BUDGET_KIND_LABELS, type Incentive } from '@contracts/member'
import { RELATION_LABELS } from '@contracts/roles'
import { api } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { formatFen, parseYuan } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Field, Notice, Price, Section, Segmented, StatGrid, Stepper } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import type { Resident } from '../../types'
import '../../member.scss'

type Kind = Incentive['type']
const KIND_LABELS: Record<Kind, string> = { voucher: '现金券', card: '服务卡', points: '积分' }

interface RewardText {
  title: string
  amount: string
  uses: number
  cost: string
}

/** The reward as the contract's input, or the fields to fix: nothing that is not a number is sent as one. */
function incentiveOf(kind: Kind, f: RewardText): { ok: true; reward: Incentive } | { ok: false; errors: FieldErrors } {
  if (kind === 'points') {
    const t = f.amount.trim()
    return /^\d{1,6}$/.test(t) && Number(t) > 0 ? { ok: true, reward: { type: 'points', points: Number(t) } } : { ok: false, errors: { 'reward.points': '请填写积分，正整数' } }
  }
  if (kind === 'voucher') {
    const valueFen = parseYuan(f.amount)
    return valueFen ? { ok: true, reward: { type: 'voucher', title: f.title.trim() || '现金券', valueFen, validDays: 30 } } : { ok: false, errors: { 'reward.valueFen': '请填写面额，如 20' } }
  }
  const costFen = parseYuan(f.cost)
  const errors: FieldErrors = {}
  if (!f.title.trim()) errors['reward.title'] = '请填写卡名'
  if (costFen === null) errors['reward.costFen'] = '请填写计入预算的金额，如 150'
  return costFen !== null && f.title.trim() ? { ok: true, reward: { type: 'card', title: f.title.trim(), uses: f.uses, validDays: 180, costFen } } : { ok: false, errors }
}

/** One budget: what is left, who received what, and the form staff use to hand out an incentive. */
export default function BudgetPage() {
  const { params } = useRouter()
  const budgetId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.member.budget({ budgetId }), [budgetId], { enabled: budgetId !== '' })
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Resident[] | null>(null)
  const [to, setTo] = useState<Resident | null>(null)
  const [kind, setKind] = useState<Kind>('voucher')
  const [f, setF] = useState<RewardText>({ title: '', amount: '', uses: 5, cost: '' })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const search = async () => {
    const r = await api.member.findResidents({ query })
    if (!r.ok) return setErrors(r.error.fields?.length ? fieldsByPath(r.error) : { query: r.error.message })
    setErrors({})
    setFound(r.data.residents)
  }

  const submit = async () => {
    const checked = incentiveOf(kind, f)
    const missing: FieldErrors = to ? {} : { userId: '请先查找并选择住户' }
    if (!checked.ok || !to) return setErrors({ ...missing, ...(checked.ok ? {} : checked.errors) })
    setErrors({})
    setBusy(true)
    const r = await api.member.issueReward({ budgetId, userId: to.userId, householdId: to.householdId, reward: checked.reward, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error))
      return toastError(r.error)
    }
    setRequestId(newRequestId())
    setTo(null)
    setF({ title: '', amount: '', uses: 5, cost: '' })
    void Taro.showToast({ title: `已发放 ${r.data.text}`, icon: 'none' })
    void q.reload()
  }

  return (
    <PageShell id='budget-page' query={q}>
      {(data) => {
        const b = data.budget
        return (
          <>
            <Section title={b.title} extra={BUDGET_KIND_LABELS[b.kind]}>
              <StatGrid
                columns={3}
                items={[
                  { label: '剩余', value: formatFen(b.capFen - b.spentFen, { trimZeros: true }), tone: 'primary', id: 'budget-left' },
                  { label: '已用', value: formatFen(b.spentFen, { trimZeros: true }), id: 'budget-usage' },
                  { label: '总额', value: formatFen(b.capFen, { trimZeros: true }) }
                ]}
              />
            </Section>

            <Section title='发放激励' id='reward-form'>
              <Field label='住户' hint='按房号、昵称或手机尾号查找' error={errors.query ?? errors.userId}>
                <TextBox id='resident-query' value={query} maxLength={20} placeholder='例如：1栋 101' onChange={(v) => setQuery(v)} />
              </Field>
              <ButtonRow>
                <Button id='resident-search' fill='outline' type='primary' disabled={!query.trim()} onClick={() => void search()}>
                  查找住户
                </Button>
              </ButtonRow>
              {to ? (
                <CellGroup>
                  <Cell
                    id='resident-chosen'
                    icon='user'
                    title={`发给：${to.nickname}`}
                    desc={to.householdLabel}
                    extra={
                      <Button id='resident-change' size='small' onClick={() => setTo(null)}>
                        换一位
                      </Button>
                    }
                  />
                </CellGroup>
              ) : found ? (
                <View style={{ marginTop: '16px' }}>
                  {found.length === 0 ? <Notice>没有找到住户，换个房号或昵称试试</Notice> : null}
                  {found.map((r) => (
                    <Cell
                      key={`${r.userId}:${r.householdId}`}
                      id={`resident-${r.userId}-${r.householdId}`}
                      icon='user'
                      title={r.nickname}
                      desc={`${r.householdLabel} · ${RELATION_LABELS[r.relation]}${r.phoneTail ? ` · 尾号 ${r.phoneTail}` : ''}`}
                      onClick={() => setTo(r)}
                    />
                  ))}
                </View>
              ) : null}
              <View style={{ height: '24px' }} />
              <Field label='奖励'>
                <Segmented<Kind>
                  id='reward-kind'
                  value={kind}
                  options={(['voucher', 'card', 'points'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
                  onChange={(k) => {
                    setKind(k)
                    setErrors({})
                  }}
                />
              </Field>
              {kind !== 'points' ? (
                <Field label={kind === 'card' ? '卡名' : '券名（可不填）'} error={errors['reward.title']}>
                  <TextBox id='reward-title' value={f.title} maxLength={20} placeholder={kind === 'card' ? '例如：上门保洁 5 次卡' : '现金券'} onChange={(v) => setF({ ...f, title: v })} />
                </Field>
              ) : null}
              {kind === 'card' ? (
                <>
                  <Field label='次数' error={errors['reward.uses']}>
                    <Stepper id='reward-uses' value={f.uses} min={1} max={50} onChange={(uses) => setF({ ...f, uses })} />
                  </Field>
                  <Field label='计入预算（元）' error={errors['reward.costFen']}>
                    <TextBox id='reward-cost' type='digit' value={f.cost} placeholder='例如：150' onChange={(v) => setF({ ...f, cost: v })} />
                  </Field>
                </>
              ) : (
                <Field label={kind === 'points' ? '积分' : '面额（元）'} hint={kind === 'voucher' ? '领取后 30 天内有效' : undefined} error={errors[kind === 'points' ? 'reward.points' : 'reward.valueFen']}>
                  <TextBox id='reward-amount' type={kind === 'points' ? 'number' : 'digit'} value={f.amount} onChange={(v) => setF({ ...f, amount: v })} />
                </Field>
              )}
              <ButtonRow stacked>
                <Button id='reward-submit' type='primary' loading={busy} onClick={() => void submit()}>
                  发放（从预算扣减）
                </Button>
              </ButtonRow>
            </Section>

            <CellGroup title={`发放记录（${data.rewards.length}）`} id='reward-list'>
              {data.rewards.length === 0 ? <Cell title='还没有发放记录' desc='发出的激励会记在这里，每一笔都从预算扣减' /> : null}
              {data.rewards.map((r) => (
                <Cell
                  key={r.id}
                  id={`reward-${r.id}`}
                  title={`${r.recipientName} · ${r.text}`}
                  desc={`${r.householdLabel} · ${r.issuedBy} · ${formatDateTime(r.at)}`}
                  extra={<Price fen={r.costFen} size='s' />}
                />
              ))}
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
