import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { PayableType } from '@contracts/pay'
import type { OutputOf } from '@contracts/registry'
import { api, goHome } from '../../../../client'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../fee.scss'

type PaymentView = OutputOf<'pay.get'>

/** The cashier's own callback is not proof: the server's word (notification or order query) is. */
const POLL_MS = 1000
const GIVE_UP_MS = 20_000

interface Subject {
  /** The heading once paid. */
  done: string
  back: string
  /** Where to look later if the result is slow to come. */
  later: string
  /** The page of what was paid for (a bill's next step is its receipt, below). */
  view: { id: string; label: string; link(payableId: string): string } | null
}

const SUBJECT: Record<PayableType, Subject> = {
  bill: { done: '缴费成功', back: '返回账单', later: '缴费记录', view: null },
  order: { done: '支付成功', back: '返回订单', later: '我的订单', view: { id: 'go-order', label: '查看订单', link: (id) => `/packages/presale/pages/order/index?id=${id}` } },
  booking: { done: '支付成功', back: '返回预约', later: '我的预约', view: { id: 'go-booking', label: '查看预约', link: (id) => `/packages/service/pages/booking/index?id=${id}` } }
}

export default function ResultPage() {
  const { params } = useRouter()
  const paymentId = params.paymentId ?? ''
  const [p, setP] = useState<PaymentView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [waitedOut, setWaitedOut] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const started = useRef(Date.now())

  const poll = async () => {
    const r = await api.pay.get({ paymentId })
    if (!r.ok) return setError(r.error)
    setP(r.data)
    if (r.data.status === 'awaiting' || r.data.status === 'created') {
      if (Date.now() - started.current < GIVE_UP_MS) timer.current = setTimeout(() => void poll(), POLL_MS)
      else setWaitedOut(true)
    }
  }
  useDidShow(() => {
    started.current = Date.now()
    void poll()
  })
  useUnload(() => {
    if (timer.current) clearTimeout(timer.current)
  })

  if (!p) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const paid = p.status === 'paid'
  const pending = p.status === 'awaiting' || p.status === 'created'
  const subject = SUBJECT[p.paidFor.type]
  const view = subject.view
  const what = p.lines.length === 1 ? (p.lines[0]?.title ?? '') : `${p.lines[0]?.title ?? ''} 等 ${p.lines.length} 项`
  return (
    <View className='page' id='result-page'>
      <View className='card result'>
        <View className={`result__mark ${paid ? 'result__mark--ok' : pending ? 'result__mark--wait' : 'result__mark--bad'}`}>
          <Text>{paid ? '✓' : pending ? '…' : '!'}</Text>
        </View>
        <Text className='section-title' id='result-status'>
          {paid ? subject.done : pending ? (waitedOut ? '支付结果确认中' : '正在确认支付结果') : p.status === 'anomaly' ? '支付待核查' : '支付未完成'}
        </Text>
        <Text className='muted' id='result-subject'>
          {p.paidFor.label} · {what}
        </Text>
        <Price fen={p.totalFen} size='l' />
        <Text className='muted' style={{ marginTop: '12px' }}>
          {paid && p.paidAt
            ? `${formatDateTime(p.paidAt)} · ${p.householdLabel}`
            : pending && waitedOut
              ? `如已付款请稍后在${subject.later}中查看，无需重复支付`
              : p.status === 'anomaly'
                ? '金额与应付不符，物业将核查并联系你'
                : ''}
        </Text>
      </View>
      {paid ? (
        <View>
          {view ? (
            <Button id={view.id} className='btn-block' type='primary' block onClick={() => void Taro.redirectTo({ url: view.link(p.paidFor.id) })}>
              {view.label}
            </Button>
          ) : null}
          <Button id='go-receipt' className='btn-block' type='primary' fill={view ? 'outline' : 'solid'} block onClick={() => void Taro.redirectTo({ url: `/packages/fee/pages/receipt/index?paymentId=${p.id}` })}>
            查看电子收据
          </Button>
          <Button className='btn-block' fill='outline' type='primary' block onClick={goHome}>
            返回首页
          </Button>
        </View>
      ) : (
        <Button className='btn-block' fill='outline' type='primary' block onClick={() => void Taro.navigateBack()}>
          {subject.back}
        </Button>
      )}
    </View>
  )
}
