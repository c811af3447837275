import { useState } from 'react'
import { Alert, Form, Input, InputNumber, Radio, Select } from 'tdesign-react'
import type { RewardIncentive } from '@contracts/member'
import { formatFen, parseYuan } from '../../../../src/utils/money'
import { monthLabel } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { useQuery } from '../../shell/use-query'

type Kind = 'points' | 'card' | 'cash'

/** Points and cards go to a home in the community; cash reaches anyone who signed in with WeChat. */
const KIND_TEXT: Record<Kind, string> = { points: '积分', card: '服务卡', cash: '现金' }

/**
 * A reward for one honoree from an incentive budget: points or a service card, kept in the
 * honoree's home in the community, or cash by WeChat transfer (the only choice for a worker with no
 * home here). The budget is charged once per honoree a month, never over its cap.
 */
export function RewardDialog({
  month,
  honoree,
  onClose
}: {
  month: string
  /** `hasHome` false: no home in the community, so only cash; null: not known (picked by hand). */
  honoree: { refId: string; name: string; hasHome: boolean | null }
  onClose: (text: string | null) => void
}) {
  const budgets = useQuery(() => api.member.budgets({}), [])
  const [budgetId, setBudgetId] = useState<string | undefined>(undefined)
  const kinds: Kind[] = honoree.hasHome === false ? ['cash'] : ['points', 'card', 'cash']
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'cash')
  const [points, setPoints] = useState(500)
  const [cardTitle, setCardTitle] = useState('家政保洁服务卡')
  const [uses, setUses] = useState(1)
  const [cost, setCost] = useState('')
  const [cash, setCash] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const num = (v: unknown) => (typeof v === 'number' ? v : Number(v))

  const incentive = (): RewardIncentive | null => {
    if (kind === 'points') return { type: 'points', points }
    if (kind === 'cash') {
      const amountFen = parseYuan(cash)
      return amountFen === null ? null : { type: 'cash', amountFen }
    }
    const costFen = parseYuan(cost)
    return costFen === null ? null : { type: 'card', title: cardTitle.trim(), uses, validDays: 180, costFen }
  }
  const submit = async () => {
    const i = incentive()
    if (!budgetId) return setError('请选择预算')
    if (!i) return setError(kind === 'cash' ? '请填写现金金额，例如 50' : '请填写服务卡计入预算的金额，例如 120')
    setBusy(true)
    const res = await api.selling.rewardHonoree({ month, refId: honoree.refId, budgetId, incentive: i })
    setBusy(false)
    if (!res.ok) return setError(res.error.fields?.[0]?.message ?? res.error.message)
    const waits = i.type === 'cash' && !res.data.already ? '，待本人在小程序领取' : ''
    onClose(res.data.already ? `${honoree.name}本月已发过奖励（${res.data.reward.text}），未重复扣减预算` : `已给${honoree.name}发放${res.data.reward.text}${waits}`)
  }

  const list = budgets.data?.budgets ?? []
  return (
    <FormDialog header={`${monthLabel(month)}光荣榜奖励：${honoree.name}`} saveId='reward-save' saveText='发放' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={110} colon={false}>
        <Field label='预算' required {...(budgets.error ? { status: 'error' as const, tips: `预算读取失败：${budgets.error.message}，请关闭后重试` } : {})}>
          <Select
            className='reward-budget'
            style={{ width: 360 }}
            value={budgetId}
            placeholder={budgets.data ? (list.length ? '选择激励预算' : '还没有预算，请先在「会员与优惠券」中设立') : budgets.error ? '预算读取失败' : '正在读取预算…'}
            onChange={(v) => setBudgetId(list.find((b) => b.id === v)?.id)}
            options={list.map((b) => ({ value: b.id, label: `${b.title}（剩余 ${formatFen(b.capFen - b.spentFen)}）` }))}
          />
        </Field>
        <Field label='奖励'>
          <Radio.Group className='reward-kind' value={kind} onChange={(v) => setKind(kinds.find((k) => k === v) ?? kind)}>
            {kinds.map((k) => (
              <Radio key={k} value={k}>
                {KIND_TEXT[k]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        {kind === 'cash' ? (
          <Field label='金额' help='通过微信商家转账发到本人微信零钱，单笔最多 1000 元'>
            <Input className='reward-cash' value={cash} placeholder='例如 50' suffix='元' onChange={(v) => setCash(String(v))} />
          </Field>
        ) : kind === 'points' ? (
          <Field label='积分'>
            <InputNumber className='reward-points' theme='normal' style={{ width: 180 }} min={1} max={100000} value={points} suffix='积分' onChange={(v) => setPoints(num(v))} />
          </Field>
        ) : (
          <>
            <Field label='卡名'>
              <Input value={cardTitle} maxlength={20} onChange={(v) => setCardTitle(String(v))} />
            </Field>
            <Field label='服务次数'>
              <InputNumber theme='normal' style={{ width: 180 }} min={1} max={50} value={uses} suffix='次' onChange={(v) => setUses(num(v))} />
            </Field>
            <Field label='计入预算' help='这张卡按多少钱从预算中扣减'>
              <Input value={cost} placeholder='例如 120' suffix='元' onChange={(v) => setCost(String(v))} />
            </Field>
          </>
        )}
        <Alert
          theme='info'
          message={
            honoree.hasHome === false
              ? `${honoree.name}在本社区没有绑定房屋，只能发现金：需本人在小程序「我的奖励」点领取并在微信确认收款；每人每月只发一次。`
              : '积分和服务卡发到上榜人在本社区绑定的房屋；现金需本人在小程序点领取并在微信确认收款；每人每月只发一次。'
          }
        />
        {error ? <Alert theme='error' message={error} /> : null}
      </Form>
    </FormDialog>
  )
}
