import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { fenToChineseUpper, formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { KVList, Price } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../fee.scss'

export default function ReceiptPage() {
  const { params } = useRouter()
  const paymentId = decodeURIComponent(params.paymentId ?? '')
  const q = useQuery(() => api.pay.receipt({ paymentId }), [paymentId], { enabled: paymentId !== '' })

  return (
    <PageShell id='receipt-page' query={q}>
      {(r) => (
        <View className='receipt'>
          <Text className='receipt__title'>收据</Text>
          <Text className='receipt__sub'>{r.communityName} 物业服务中心</Text>
          <KVList
            rows={[
              { label: '收据编号', value: <Text>{r.receiptNo}</Text>, id: 'receipt-no' },
              { label: '房屋', value: <Text>{r.householdLabel}</Text> },
              { label: '交款人', value: <Text>{r.payerName}</Text> },
              { label: '交款时间', value: <Text>{formatDateTime(r.paidAt)}</Text> },
              ...r.lines.map((l) => ({ label: l.title, value: <Text>{formatFen(l.amountFen)}</Text> }))
            ]}
          />
          <View className='receipt__total'>
            <Text className='section-title'>合计</Text>
            <Price fen={r.totalFen} size='m' />
          </View>
          <Text className='receipt__upper'>人民币（大写）：{fenToChineseUpper(r.totalFen)}</Text>
          {r.refundedFen > 0 ? (
            <Text className='receipt__upper' id='receipt-refunded'>
              已退款：{formatFen(r.refundedFen)}
            </Text>
          ) : null}
          <Text className='receipt__upper'>支付方式：{r.channelLabel}</Text>
          {r.transactionId ? <Text className='receipt__upper'>交易号：{r.transactionId}</Text> : null}
          <View className='receipt__stamp'>
            <Text>收费专用章</Text>
          </View>
        </View>
      )}
    </PageShell>
  )
}
