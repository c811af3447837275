import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Bills, myBills, subscribeReminders } from '../../../../services/fee'
import { checkout, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { formatFen } from '../../../../utils/money'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import '../../fee.scss'

export default function BillsPage() {
  const { params } = useRouter()
  const householdId = params.householdId || currentMe()?.current?.householdId || ''
  const [tab, setTab] = useState<'outstanding' | 'settled'>('outstanding')
  const [data, setData] = useState<Bills | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  // One idempotency key per selection: a double tap resubmits the same checkout.
  const [requestId, setRequestId] = useState(newRequestId)

  const load = async (which = tab) => {
    const r = await myBills(householdId, which)
    if (!r.ok) return setError(r.error)
    setData(r.data)
    setError(null)
    // Oldest first and all selected: paying the oldest stops late fees soonest.
    setPicked(new Set(which === 'outstanding' ? r.data.bills.map((b) => b.id) : []))
    setRequestId(newRequestId())
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const bills = data?.bills ?? []
  const total = useMemo(() => bills.filter((b) => picked.has(b.id)).reduce((n, b) => n + b.dueNowFen, 0), [bills, picked])
  const allOn = bills.length > 0 && picked.size === bills.length

  const toggle = (id: string) => {
    const next = new Set(picked)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setPicked(next)
    setRequestId(newRequestId())
  }

  const pay = async () => {
    setBusy(true)
    const res = await checkout({ payables: [...picked].map((id) => ({ type: 'bill' as const, id })), clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) {
      toastError(res.error)
      void load()
    }
  }

  const remind = async () => {
    if (!data?.reminderTemplateId) return
    const r = await subscribeReminders(data.reminderTemplateId)
    void Taro.showToast({ title: r === 'granted' ? '已开启下次缴费提醒' : r === 'unsupported' ? '提醒将通过站内消息发送' : '未开启提醒', icon: 'none' })
  }

  return (
    <View className='page bills-page' id='bills-page'>
      <View className='hero'>
        <Text className='hero-sub'>{data?.householdLabel ?? ' '} · 待缴合计</Text>
        <View style={{ marginTop: '8px' }}>
          <Price fen={data?.outstandingFen ?? 0} size='l' className='hero-price' />
        </View>
      </View>
      <View className='seg'>
        {(['outstanding', 'settled'] as const).map((t) => (
          <Text
            key={t}
            id={`tab-${t}`}
            className={`seg__item ${tab === t ? 'seg__item--on' : ''}`}
            onClick={() => {
              setTab(t)
              void load(t)
            }}
          >
            {t === 'outstanding' ? '待缴账单' : '已缴账单'}
          </Text>
        ))}
      </View>
      <View className='links'>
        <Text className='link' id='go-history' onClick={() => void Taro.navigateTo({ url: `/packages/fee/pages/history/index?householdId=${householdId}` })}>
          缴费记录与收据 ›
        </Text>
        {data?.reminderTemplateId && process.env.TARO_ENV === 'weapp' ? (
          <Text className='link' onClick={() => void remind()}>
            开启缴费提醒
          </Text>
        ) : null}
      </View>
      {!data ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {data && bills.length === 0 ? (
        <View className='card'>
          <StateView empty={tab === 'outstanding' ? '没有待缴账单，感谢按时缴费' : '暂无已缴账单'} />
        </View>
      ) : null}
      {bills.length > 0 ? (
        <View className='card'>
          {bills.map((b) => (
            <View key={b.id} id={`bill-${b.id.replace(/[^A-Za-z0-9-]/g, '_')}`} className='bill' onClick={() => tab === 'outstanding' && toggle(b.id)}>
              {tab === 'outstanding' ? (
                <View className={`check ${picked.has(b.id) ? 'check--on' : ''}`}>{picked.has(b.id) ? <Text>✓</Text> : null}</View>
              ) : null}
              <View className='bill__main'>
                <Text className='bill__title'>{b.title}</Text>
                <Text className='bill__meta'>
                  {b.status === 'unpaid' ? `${formatDate(b.dueAt)} 到期` : `${b.paidAt ? formatDate(b.paidAt) : ''} ${b.status === 'refunded' ? '已退款' : '已缴'}`}
                </Text>
                {b.overdueDays > 0 ? (
                  <Text className='bill__late'>
                    已逾期 {b.overdueDays} 天{b.lateFeeFen > 0 ? `，含滞纳金 ${formatFen(b.lateFeeFen)}` : ''}
                  </Text>
                ) : null}
              </View>
              <View className='bill__amount'>
                <Price fen={b.status === 'unpaid' ? b.dueNowFen : b.amountFen + b.lateFeeFen} size='m' />
              </View>
            </View>
          ))}
        </View>
      ) : null}
      {tab === 'outstanding' && bills.length > 0 ? (
        <View className='paybar'>
          <View className='paybar__all' id='pick-all' onClick={() => setPicked(allOn ? new Set() : new Set(bills.map((b) => b.id)))}>
            <View className={`check ${allOn ? 'check--on' : ''}`}>{allOn ? <Text>✓</Text> : null}</View>
            <Text>全选</Text>
          </View>
          <View className='paybar__total'>
            <Text>合计 </Text>
            <Price fen={total} size='m' />
          </View>
          <Button id='pay-submit' className='paybar__btn' type='primary' disabled={picked.size === 0} loading={busy} onClick={() => void pay()}>
            去缴费{picked.size > 0 ? `（${picked.size}）` : ''}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
