import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { PAYMENT_ANOMALY_LABELS, REFUND_STATUS_LABELS } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { newRequestId } from '../../../../services/payment'
import { fieldError } from '../../../../services/result'
import { formatFen, parseYuan, yuanInput } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, Chip, Field, Icon, KVList, Notice, Price, Section } from '../../../../ui/kit'
import { EmptyState, PageShell, all, useQuery } from '../../../../ui/shell'
import '../../admin.scss'

type PaymentView = OutputOf<'pay.get'>
type AnomalyView = OutputOf<'pay.anomalies'>['anomalies'][number]

/** Anomaly ids hold `:`; element ids get a safe form. */
const domId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-')

/** What is wrong with one typed amount, before anything is sent. */
function amountError(text: string, left: number): string | undefined {
  if (text.trim() === '') return undefined
  const fen = parseYuan(text)
  if (fen === null) return '请输入金额，例如 12.50'
  if (fen === 0) return '退款金额须大于 0'
  if (fen > left) return `最多可退 ${formatFen(left)}`
  return undefined
}

export default function RefundPage() {
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState('')
  const q = useQuery(() => all([api.pay.search({ query: searched }), api.pay.anomalies({})]), [searched])

  const [picked, setPicked] = useState<PaymentView | null>(null)
  const [amounts, setAmounts] = useState<Record<string, string>>({})
  const [reason, setReason] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const [openAnomaly, setOpenAnomaly] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [anomalyError, setAnomalyError] = useState<ApiError | null>(null)

  const pickAnomaly = (a: AnomalyView) => {
    setOpenAnomaly(openAnomaly === a.id ? null : a.id)
    setNote('')
    setAnomalyError(null)
  }
  const decide = async (a: AnomalyView, action: 'refund' | 'accept') => {
    setBusy(true)
    const r = await api.pay.resolveAnomaly({ anomalyId: a.id, action, note })
    setBusy(false)
    if (!r.ok) {
      setAnomalyError(r.error)
      return void q.reload()
    }
    setOpenAnomaly(null)
    setNote('')
    setAnomalyError(null)
    void q.reload()
    void Taro.showToast({ title: action === 'refund' ? '退款已提交' : '已记录处理', icon: 'success' })
  }

  const pick = (p: PaymentView | null) => {
    setPicked(p)
    setAmounts({})
    setReason('')
    setError(null)
    setRequestId(newRequestId())
  }
  // The server's verdict is about what was sent: once the form changes, it no longer applies.
  const setAmount = (id: string, text: string) => {
    setAmounts((a) => ({ ...a, [id]: text }))
    setError(null)
  }

  const rows = picked
    ? picked.lines.map((l) => {
        const left = l.amountFen - l.refundedFen
        const text = amounts[l.id] ?? ''
        const local = amountError(text, left)
        return { line: l, left, text, local, fen: local ? null : parseYuan(text) }
      })
    : []
  const lines = rows.flatMap((r) => (r.fen !== null && r.fen > 0 ? [{ payableId: r.line.id, amountFen: r.fen }] : []))
  const total = lines.reduce((n, l) => n + l.amountFen, 0)
  const invalid = rows.some((r) => r.local !== undefined)
  const reasonError = fieldError(error, 'reason') ?? (reason.trim().length === 1 ? '请多写几个字说明原因' : undefined)
  // Server errors for `lines.<i>` name the i-th line sent, not the i-th line shown.
  const serverLineError = (payableId: string) => {
    const i = lines.findIndex((l) => l.payableId === payableId)
    return i < 0 ? undefined : (fieldError(error, `lines.${i}.amountFen`) ?? fieldError(error, `lines.${i}`))
  }
  const otherError = error && !error.fields?.length ? error.message : fieldError(error, 'lines')

  const submit = async () => {
    if (!picked || invalid || total === 0) return
    setBusy(true)
    const r = await api.pay.refund({ paymentId: picked.id, lines, reason, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setPicked(r.data)
    setAmounts({})
    setReason('')
    setRequestId(newRequestId())
    void q.reload()
    void Taro.showToast({ title: '退款已提交', icon: 'success' })
  }

  return (
    <PageShell id='refund-page' query={q}>
      {([found, open]) => (
        <>
          {picked ? null : (
            <Section>
              <View className='refund-search'>
                <Input
                  id='refund-search'
                  className='refund-search__input'
                  placeholder='房号（如 1栋 101）或订单号'
                  confirmType='search'
                  value={query}
                  onInput={(e) => setQuery(e.detail.value)}
                  onConfirm={() => setSearched(query.trim())}
                />
                <Button id='refund-search-go' size='small' type='primary' onClick={() => setSearched(query.trim())}>
                  查找
                </Button>
              </View>
            </Section>
          )}
          {open.anomalies.length > 0 && !picked ? (
            <Section id='anomaly-list' title={`待处理异常（${open.anomalies.length}）`}>
              {open.anomalies.map((a) => (
                <View key={a.id} id={`anomaly-${domId(a.id)}`} className='pay-row'>
                  <View className='pay-row__head' onClick={() => pickAnomaly(a)}>
                    <Text className='pay-row__title'>
                      {PAYMENT_ANOMALY_LABELS[a.kind]} · {a.householdLabel}
                    </Text>
                    {a.amountFen !== null ? <Price fen={a.amountFen} size='s' /> : null}
                  </View>
                  <Text className='muted pay-row__line'>
                    {a.outTradeNo} · {formatDateTime(a.createdAt)}
                  </Text>
                  <Text className='muted pay-row__line'>{a.detail}</Text>
                  {a.resolution === 'refund' ? <Chip text='退款处理中' tone='accent' /> : null}
                  {a.lastFailure ? <Notice tone='danger'>上次处理失败：{a.lastFailure}</Notice> : null}
                  {openAnomaly === a.id ? (
                    <View className='pay-row__form'>
                      <Field label='处理说明' required error={fieldError(anomalyError, 'note') ?? (anomalyError && !anomalyError.fields?.length ? anomalyError.message : undefined)}>
                        <TextArea value={note} maxLength={80} placeholder='例如：已与业主电话核实' onChange={(v: string) => setNote(v)} />
                      </Field>
                      <ButtonRow>
                        {a.actions.includes('refund') ? (
                          <Button id={`anomaly-refund-${domId(a.id)}`} type='primary' loading={busy} onClick={() => void decide(a, 'refund')}>
                            全额退回
                          </Button>
                        ) : null}
                        {a.actions.includes('accept') ? (
                          <Button id={`anomaly-accept-${domId(a.id)}`} fill='outline' loading={busy} onClick={() => void decide(a, 'accept')}>
                            确认已处理
                          </Button>
                        ) : null}
                      </ButtonRow>
                    </View>
                  ) : (
                    <ButtonRow>
                      <Button id={`anomaly-open-${domId(a.id)}`} size='small' fill='outline' type='primary' onClick={() => pickAnomaly(a)}>
                        处理
                      </Button>
                    </ButtonRow>
                  )}
                </View>
              ))}
            </Section>
          ) : null}
          {!picked ? (
            <Section title={searched ? `“${searched}”的已支付订单` : '最近的已支付订单'}>
              {found.payments.length === 0 ? (
                <EmptyState
                  title='没有找到已支付的订单'
                  hint='换个房号或订单号试试，例如“1栋 101”'
                  {...(searched ? { action: { text: '查看最近的订单', onClick: () => (setQuery(''), setSearched('')) } } : {})}
                />
              ) : null}
              {found.payments.map((p) => (
                <Cell
                  key={p.id}
                  id={`refund-pick-${p.id}`}
                  title={p.householdLabel}
                  desc={[p.outTradeNo, p.paidAt ? formatDateTime(p.paidAt) : '', p.refundedFen > 0 ? `已退 ${formatFen(p.refundedFen)}` : ''].filter(Boolean).join(' · ')}
                  extra={<Price fen={p.totalFen} size='s' />}
                  onClick={() => pick(p)}
                />
              ))}
            </Section>
          ) : (
            <Section
              id='refund-form'
              title={picked.householdLabel}
              extra={
                <View className='refund-back' id='refund-back' onClick={() => pick(null)}>
                  <Icon name='switch' size='s' color='primary' />
                  <Text>换一笔</Text>
                </View>
              }
            >
              <KVList
                rows={[
                  { label: '订单号', value: <Text>{picked.outTradeNo}</Text> },
                  { label: '实付', value: <Price fen={picked.totalFen} size='s' /> },
                  ...(picked.refundedFen > 0 ? [{ label: '已退', value: <Text>{formatFen(picked.refundedFen)}</Text> }] : [])
                ]}
              />
              {rows.map(({ line: l, left, text, local }) => (
                <View key={l.id} className='refund-line' id={`refund-line-${domId(l.id)}`}>
                  <View className='refund-line__main'>
                    <Text>{l.title}</Text>
                    <Text className='muted'>{left > 0 ? `可退 ${formatFen(left)}` : '已全部退款'}</Text>
                    {left > 0 ? (
                      <Text className='link refund-line__all' onClick={() => setAmount(l.id, yuanInput(left))}>
                        填入全额
                      </Text>
                    ) : null}
                  </View>
                  <View className='refund-line__field'>
                    <Input
                      className='refund-line__input'
                      type='digit'
                      placeholder='金额（元）'
                      value={text}
                      disabled={left <= 0}
                      onInput={(e) => setAmount(l.id, e.detail.value)}
                    />
                    {(local ?? serverLineError(l.id)) ? <Text className='field-error'>{local ?? serverLineError(l.id)}</Text> : null}
                  </View>
                </View>
              ))}
              <Field label='退款原因' required error={reasonError}>
                <TextArea
                  value={reason}
                  maxLength={80}
                  placeholder='例如：重复缴费、费用减免'
                  onChange={(v: string) => {
                    setReason(v)
                    setError(null)
                  }}
                />
              </Field>
              {otherError ? <Notice tone='danger'>{otherError}</Notice> : null}
              <View className='refund-total'>
                <Text className='muted'>本次退款</Text>
                <Price fen={total} size='m' />
              </View>
              <ButtonRow>
                <Button id='refund-submit' type='primary' block disabled={total === 0 || invalid} loading={busy} onClick={() => void submit()}>
                  确认退款
                </Button>
              </ButtonRow>
              {picked.refunds.length > 0 ? (
                <View className='refund-history'>
                  <Text className='section-title'>退款记录</Text>
                  {picked.refunds.map((r) => (
                    <Cell
                      key={r.id}
                      title={r.reason}
                      desc={formatDateTime(r.createdAt)}
                      extra={
                        <View className='refund-history__extra'>
                          <Price fen={r.amountFen} size='s' />
                          <Chip id={`refund-status-${domId(r.id)}`} text={REFUND_STATUS_LABELS[r.status]} tone={r.status === 'failed' || r.status === 'abnormal' ? 'danger' : r.status === 'processing' ? 'accent' : 'primary'} />
                        </View>
                      }
                    />
                  ))}
                </View>
              ) : null}
            </Section>
          )}
        </>
      )}
    </PageShell>
  )
}
