import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { PAYMENT_ANOMALY_LABELS, REFUND_STATUS_LABELS } from '@contracts/pay'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type AnomalyView, type PaymentView, newRequestId, paymentAnomalies, refund, resolveAnomaly, searchPayments } from '../../../../services/payment'
import { fieldError, toastError } from '../../../../services/result'
import { formatFen, parseYuan } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../admin.scss'

export default function RefundPage() {
  const [query, setQuery] = useState('')
  const [list, setList] = useState<PaymentView[] | null>(null)
  const [picked, setPicked] = useState<PaymentView | null>(null)
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const [anomalies, setAnomalies] = useState<AnomalyView[]>([])
  const [openAnomaly, setOpenAnomaly] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [anomalyError, setAnomalyError] = useState<ApiError | null>(null)

  const search = async () => {
    const r = await searchPayments(query)
    if (r.ok) setList(r.data.payments)
    else setError(r.error)
  }
  const loadAnomalies = async () => {
    const r = await paymentAnomalies()
    if (r.ok) setAnomalies(r.data.anomalies)
    else toastError(r.error)
  }
  useDidShow(() => {
    void search()
    void loadAnomalies()
  })

  const pickAnomaly = (a: AnomalyView) => {
    setOpenAnomaly(openAnomaly === a.id ? null : a.id)
    setNote('')
    setAnomalyError(null)
  }
  const decide = async (a: AnomalyView, action: 'refund' | 'accept') => {
    setBusy(true)
    const r = await resolveAnomaly({ anomalyId: a.id, action, note })
    setBusy(false)
    if (!r.ok) {
      setAnomalyError(r.error)
      return void loadAnomalies()
    }
    setOpenAnomaly(null)
    setNote('')
    setAnomalyError(null)
    void loadAnomalies()
    void Taro.showToast({ title: action === 'refund' ? '退款已提交' : '已记录处理', icon: 'success' })
  }
  /** Anomaly ids hold `:`; element ids get a safe form. */
  const domId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-')

  const pick = (p: PaymentView) => {
    setPicked(p)
    setAmounts({})
    setError(null)
    setRequestId(newRequestId())
  }

  const lines = picked
    ? picked.lines
        .map((l) => ({ payableId: l.id, amountFen: parseYuan(amounts[l.id] ?? '') }))
        .filter((l): l is { payableId: string; amountFen: number } => l.amountFen !== null && l.amountFen > 0)
    : []
  const total = lines.reduce((n, l) => n + l.amountFen, 0)

  const submit = async () => {
    if (!picked) return
    setBusy(true)
    const r = await refund({ paymentId: picked.id, lines, reason, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setPicked(r.data)
    setAmounts({})
    setRequestId(newRequestId())
    void Taro.showToast({ title: '退款已提交', icon: 'success' })
  }

  return (
    <View className='page' id='refund-page'>
      <View className='card'>
        <View className='row'>
          <Input
            id='refund-search'
            className='refund-line__input'
            style={{ flex: 1, width: 'auto', marginRight: '12px' }}
            placeholder='房号（如 1栋 101）或订单号'
            value={query}
            onInput={(e) => setQuery(e.detail.value)}
          />
          <Button size='small' type='primary' onClick={() => void search()}>
            查找
          </Button>
        </View>
      </View>
      {anomalies.length > 0 && !picked ? (
        <View className='card' id='anomaly-list'>
          <Text className='section-title'>待处理异常（{anomalies.length}）</Text>
          {anomalies.map((a) => (
            <View key={a.id} id={`anomaly-${domId(a.id)}`} className='pay-row'>
              <View className='row' onClick={() => pickAnomaly(a)}>
                <Text>
                  {PAYMENT_ANOMALY_LABELS[a.kind]} · {a.householdLabel}
                </Text>
                {a.amountFen !== null ? <Price fen={a.amountFen} size='s' /> : null}
              </View>
              <Text className='muted'>
                {a.outTradeNo} · {formatDateTime(a.createdAt)}
              </Text>
              <Text className='muted' style={{ display: 'block' }}>
                {a.detail}
              </Text>
              {a.resolution === 'refund' ? <Text className='badge'>退款处理中</Text> : null}
              {a.lastFailure ? <Text className='field-error'>上次处理失败：{a.lastFailure}</Text> : null}
              {openAnomaly === a.id ? (
                <View style={{ marginTop: '8px' }}>
                  <TextArea value={note} maxLength={80} placeholder='处理说明，例如：已与业主核实' onChange={(v: string) => setNote(v)} />
                  {anomalyError ? <Text className='field-error'>{fieldError(anomalyError, 'note') ?? anomalyError.message}</Text> : null}
                  <View className='row' style={{ marginTop: '8px' }}>
                    {a.actions.includes('refund') ? (
                      <Button id={`anomaly-refund-${domId(a.id)}`} size='small' type='primary' loading={busy} onClick={() => void decide(a, 'refund')}>
                        全额退回
                      </Button>
                    ) : null}
                    {a.actions.includes('accept') ? (
                      <Button id={`anomaly-accept-${domId(a.id)}`} size='small' loading={busy} onClick={() => void decide(a, 'accept')}>
                        确认已处理
                      </Button>
                    ) : null}
                  </View>
                </View>
              ) : (
                <Text className='link' onClick={() => pickAnomaly(a)}>
                  处理
                </Text>
              )}
            </View>
          ))}
        </View>
      ) : null}
      {!list ? <StateView loading={!error} error={error} /> : null}
      {list && list.length === 0 ? <StateView empty='没有找到已支付的订单' /> : null}
      {list && !picked ? (
        <View className='card'>
          {list.map((p) => (
            <View key={p.id} id={`refund-pick-${p.id}`} className='pay-row' onClick={() => pick(p)}>
              <View className='row'>
                <Text>{p.householdLabel}</Text>
                <Price fen={p.totalFen} size='s' />
              </View>
              <Text className='muted'>
                {p.outTradeNo} · {p.paidAt ? formatDateTime(p.paidAt) : ''}
                {p.refundedFen > 0 ? ` · 已退 ${formatFen(p.refundedFen)}` : ''}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
      {picked ? (
        <View className='card' id='refund-form'>
          <View className='row'>
            <Text className='section-title'>{picked.householdLabel}</Text>
            <Text className='link' onClick={() => setPicked(null)}>
              换一笔
            </Text>
          </View>
          <Text className='muted'>{picked.outTradeNo}</Text>
          {picked.lines.map((l) => {
            const left = l.amountFen - l.refundedFen
            return (
              <View key={l.id} className='refund-line'>
                <View style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
                  <Text>{l.title}</Text>
                  <Text className='muted'>可退 {formatFen(left)}</Text>
                  <Text className='link' onClick={() => setAmounts({ ...amounts, [l.id]: formatFen(left, { symbol: false, grouping: false }) })}>
                    全额
                  </Text>
                </View>
                <Input
                  className='refund-line__input'
                  type='digit'
                  placeholder='退款金额（元）'
                  value={amounts[l.id] ?? ''}
                  disabled={left <= 0}
                  onInput={(e) => setAmounts({ ...amounts, [l.id]: e.detail.value })}
                />
              </View>
            )
          })}
          <Text className='step' style={{ display: 'block', margin: '16px 0 8px' }}>
            退款原因
          </Text>
          <TextArea value={reason} maxLength={80} placeholder='例如：重复缴费、费用减免' onChange={(v: string) => setReason(v)} />
          {fieldError(error, 'reason') ? <Text className='field-error'>{fieldError(error, 'reason')}</Text> : null}
          {error && !fieldError(error, 'reason') ? <Text className='field-error'>{error.message}</Text> : null}
          <View className='row' style={{ marginTop: '16px' }}>
            <Text className='muted'>本次退款</Text>
            <Price fen={total} size='m' />
          </View>
          <Button id='refund-submit' className='btn-block' type='primary' block disabled={total === 0} loading={busy} onClick={() => void submit()}>
            确认退款
          </Button>
          {picked.refunds.length > 0 ? (
            <View style={{ marginTop: '24px' }}>
              <Text className='section-title'>退款记录</Text>
              {picked.refunds.map((r) => (
                <View key={r.id} className='list-item'>
                  <View style={{ display: 'flex', flexDirection: 'column' }}>
                    <Text>{r.reason}</Text>
                    <Text className='muted'>{formatDateTime(r.createdAt)}</Text>
                  </View>
                  <View style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }}>
                    <Price fen={r.amountFen} size='s' />
                    <Text className='badge'>{REFUND_STATUS_LABELS[r.status]}</Text>
                  </View>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
