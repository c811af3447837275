import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { BUDGET_KIND_LABELS, type Incentive } from '@contracts/member'
import { RELATION_LABELS } from '@contracts/roles'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type BudgetDetail, type Resident, budgetDetail, findResidents, issueReward, newRequestId, yuanToFen } from '../../../../services/member'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../member.scss'

type Kind = Incentive['type']
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'voucher', label: '现金券' },
  { kind: 'card', label: '服务卡' },
  { kind: 'points', label: '积分' }
]

/** One budget: what is left, who received what, and the form staff use to hand out an incentive. */
export default function BudgetPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [data, setData] = useState<BudgetDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Resident[] | null>(null)
  const [to, setTo] = useState<Resident | null>(null)
  const [kind, setKind] = useState<Kind>('voucher')
  const [f, setF] = useState({ title: '', amount: '', uses: '5', cost: '' })
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const load = async () => {
    const r = await budgetDetail(id)
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const search = async () => {
    const r = await findResidents(query)
    if (!r.ok) return toastError(r.error)
    setFound(r.data.residents)
  }

  const incentive = (): Incentive | null => {
    if (kind === 'points') {
      const points = Number(f.amount)
      return Number.isInteger(points) && points > 0 ? { type: 'points', points } : null
    }
    if (kind === 'voucher') {
      const valueFen = yuanToFen(f.amount)
      return valueFen ? { type: 'voucher', title: f.title.trim() || '现金券', valueFen, validDays: 30 } : null
    }
    const costFen = yuanToFen(f.cost)
    const uses = Number(f.uses)
    return f.title.trim() && costFen !== null && Number.isInteger(uses) && uses > 0 ? { type: 'card', title: f.title.trim(), uses, validDays: 180, costFen } : null
  }

  const submit = async () => {
    const reward = incentive()
    if (!to || !reward) return void Taro.showToast({ title: '请选择住户并填写奖励', icon: 'none' })
    setBusy(true)
    const r = await issueReward({ budgetId: id, userId: to.userId, householdId: to.householdId, reward, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setRequestId(newRequestId())
    setTo(null)
    void Taro.showToast({ title: `已发放 ${r.data.text}`, icon: 'none' })
    void load()
  }

  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  const b = data.budget
  const left = b.capFen - b.spentFen
  return (
    <View className='page' id='budget-page'>
      <View className='hero'>
        <Text className='hero-sub'>
          {BUDGET_KIND_LABELS[b.kind]} · {b.title}
        </Text>
        <View className='row' style={{ marginTop: '12px' }}>
          <View>
            <Text className='hero-sub'>剩余</Text>
            <Price fen={left} size='l' className='mb-hero-price' />
          </View>
          <View style={{ textAlign: 'right' }}>
            <Text className='hero-sub'>已用 / 总额</Text>
            <Text className='hero-sub' id='budget-usage'>
              {formatFen(b.spentFen)} / {formatFen(b.capFen)}
            </Text>
          </View>
        </View>
      </View>

      <View className='card' id='reward-form'>
        <Text className='section-title'>发放激励</Text>
        <View className='mb-field'>
          <Text className='mb-label'>住户（房号、昵称或手机尾号）</Text>
          <View className='row'>
            <View className='mb-input' style={{ flex: 1, marginRight: '12px' }}>
              <Input id='resident-query' value={query} placeholder='例如：1栋 101' onChange={(v: string) => setQuery(v)} />
            </View>
            <Button id='resident-search' size='small' type='primary' onClick={() => void search()}>
              查找
            </Button>
          </View>
        </View>
        {to ? (
          <View className='row mb-field'>
            <Text id='resident-chosen'>
              发给：{to.nickname} · {to.householdLabel}
            </Text>
            <Text className='link' onClick={() => setTo(null)}>
              换一位
            </Text>
          </View>
        ) : (
          <View className='mb-field'>
            {found && found.length === 0 ? <Text className='muted'>没有找到住户</Text> : null}
            {found?.map((r) => (
              <View key={`${r.userId}:${r.householdId}`} className='mb-link-row' id={`resident-${r.userId}-${r.householdId}`} onClick={() => setTo(r)}>
                <Text>
                  {r.nickname} · {r.householdLabel} · {RELATION_LABELS[r.relation]}
                </Text>
                <Text className='muted'>{r.phoneTail ? `尾号 ${r.phoneTail}` : ''}</Text>
              </View>
            ))}
          </View>
        )}
        <View className='mb-field'>
          <Text className='mb-label'>奖励</Text>
          <View className='mb-choices'>
            {KINDS.map((k) => (
              <Text key={k.kind} id={`reward-kind-${k.kind}`} className={`mb-choice ${kind === k.kind ? 'mb-choice--on' : ''}`} onClick={() => setKind(k.kind)}>
                {k.label}
              </Text>
            ))}
          </View>
        </View>
        {kind !== 'points' ? (
          <View className='mb-field'>
            <Text className='mb-label'>{kind === 'card' ? '卡名' : '券名（可不填）'}</Text>
            <View className='mb-input'>
              <Input id='reward-title' value={f.title} placeholder={kind === 'card' ? '例如：上门保洁 5 次卡' : '现金券'} onChange={(v: string) => setF({ ...f, title: v })} />
            </View>
          </View>
        ) : null}
        {kind === 'card' ? (
          <View className='row'>
            <View className='mb-field' style={{ flex: 1, marginRight: '12px' }}>
              <Text className='mb-label'>次数</Text>
              <View className='mb-input'>
                <Input id='reward-uses' type='number' value={f.uses} onChange={(v: string) => setF({ ...f, uses: v })} />
              </View>
            </View>
            <View className='mb-field' style={{ flex: 1 }}>
              <Text className='mb-label'>计入预算（元）</Text>
              <View className='mb-input'>
                <Input id='reward-cost' type='digit' value={f.cost} onChange={(v: string) => setF({ ...f, cost: v })} />
              </View>
            </View>
          </View>
        ) : (
          <View className='mb-field'>
            <Text className='mb-label'>{kind === 'points' ? '积分' : '面额（元）'}</Text>
            <View className='mb-input'>
              <Input id='reward-amount' type='digit' value={f.amount} onChange={(v: string) => setF({ ...f, amount: v })} />
            </View>
          </View>
        )}
        <Button id='reward-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void submit()}>
          发放（从预算扣减）
        </Button>
      </View>

      <View className='card' id='reward-list'>
        <Text className='section-title'>发放记录（{data.rewards.length}）</Text>
        {data.rewards.length === 0 ? <StateView empty='还没有发放记录' /> : null}
        {data.rewards.map((r) => (
          <View key={r.id} className='mb-entry'>
            <View className='mb-entry__main'>
              <Text className='mb-entry__title'>
                {r.recipientName} · {r.text}
              </Text>
              <Text className='mb-entry__meta'>
                {r.householdLabel} · {r.issuedBy} · {formatDateTime(r.at)}
              </Text>
            </View>
            <Price fen={r.costFen} size='s' />
          </View>
        ))}
      </View>
    </View>
  )
}
