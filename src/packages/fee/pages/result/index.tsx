import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type PaymentView, getPayment } from '../../../../services/payment'
import { goHome } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../fee.scss'

/** The cashier's own callback is not proof: the server's word (notification or order query) is. */
const POLL_MS = 1000
const GIVE_UP_MS = 20_000

export default function ResultPage() {
  const { params } = useRouter()
  const paymentId = params.paymentId ?? ''
  const [p, setP] = useState<PaymentView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [waitedOut, setWaitedOut] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const started = useRef(Date.now())

  const poll = async () => {
    const r = await getPayment(paymentId)
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
  // A pre-sale order paid through the same cashier: the next step is the order, not a bill.
  const order = p.lines.find((l) => l.type === 'order')
  return (
    <View className='page' id='result-page'>
      <View className='card result'>
        <View className={`result__mark ${paid ? 'result__mark--ok' : pending ? 'result__mark--wait' : 'result__mark--bad'}`}>
          <Text>{paid ? '✓' : pending ? '…' : '!'}</Text>
        </View>
        <Text className='section-title' id='result-status'>
          {paid ? (order ? '支付成功' : '缴费成功') : pending ? (waitedOut ? '支付结果确认中' : '正在确认支付结果') : p.status === 'anomaly' ? '支付待核查' : '支付未完成'}
        </Text>
        <Price fen={p.totalFen} size='l' />
        <Text className='muted' style={{ marginTop: '12px' }}>
          {paid && p.paidAt ? `${formatDateTime(p.paidAt)} · ${p.householdLabel}` : pending && waitedOut ? '如已付款请稍后在缴费记录中查看，无需重复支付' : p.status === 'anomaly' ? '金额与账单不符，物业将核查并联系你' : ''}
        </Text>
      </View>
      {paid ? (
        <View>
          {order ? (
            <Button id='go-order' className='btn-block' type='primary' block onClick={() => void Taro.redirectTo({ url: `/packages/presale/pages/order/index?id=${order.id}` })}>
              查看订单
            </Button>
          ) : null}
          <Button id='go-receipt' className='btn-block' type='primary' block onClick={() => void Taro.redirectTo({ url: `/packages/fee/pages/receipt/index?paymentId=${p.id}` })}>
            查看电子收据
          </Button>
          <Button className='btn-block' fill='outline' type='primary' block onClick={goHome}>
            返回首页
          </Button>
        </View>
      ) : (
        <Button className='btn-block' fill='outline' type='primary' block onClick={() => void Taro.navigateBack()}>
          {order ? '返回订单' : '返回账单'}
        </Button>
      )}
    </View>
  )
}
