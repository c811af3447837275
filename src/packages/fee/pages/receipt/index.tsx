import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Receipt, receipt } from '../../../../services/payment'
import { fenToChineseUpper, formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import '../../fee.scss'

export default function ReceiptPage() {
  const { params } = useRouter()
  const [r, setR] = useState<Receipt | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => void receipt(params.paymentId ?? '').then((res) => (res.ok ? setR(res.data) : setError(res.error))))

  if (!r) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='receipt-page'>
      <View className='receipt'>
        <Text className='receipt__title'>收据</Text>
        <Text className='receipt__sub'>{r.communityName} 物业服务中心</Text>
        <View className='receipt__row'>
          <Text className='muted'>收据编号</Text>
          <Text id='receipt-no'>{r.receiptNo}</Text>
        </View>
        <View className='receipt__row'>
          <Text className='muted'>房屋</Text>
          <Text>{r.householdLabel}</Text>
        </View>
        <View className='receipt__row'>
          <Text className='muted'>交款人</Text>
          <Text>{r.payerName}</Text>
        </View>
        <View className='receipt__row'>
          <Text className='muted'>交款时间</Text>
          <Text>{formatDateTime(r.paidAt)}</Text>
        </View>
        {r.lines.map((l, i) => (
          <View key={i} className='receipt__row'>
            <Text>{l.title}</Text>
            <Text>{formatFen(l.amountFen)}</Text>
          </View>
        ))}
        <View className='receipt__total'>
          <Text className='section-title'>合计</Text>
          <Price fen={r.totalFen} size='m' />
        </View>
        <Text className='receipt__upper'>人民币（大写）：{fenToChineseUpper(r.totalFen)}</Text>
        {r.refundedFen > 0 ? <Text className='receipt__upper'>已退款：{formatFen(r.refundedFen)}</Text> : null}
        <Text className='receipt__upper'>
          {r.channelLabel} · 交易号 {r.transactionId}
        </Text>
        <View className='receipt__stamp'>
          <Text>收费专用章</Text>
        </View>
      </View>
    </View>
  )
}
