import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PAYMENT_STATUS_LABELS } from '@contracts/pay'
import { api, useSession } from '../../../../client'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { CellList, Chip, Price } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { backTo, feeLink } from '../../links'
import { paymentTitle } from '../../payment-text'
import '../../fee.scss'

/** The household's property-fee payments (pre-sale orders and home services are listed with their own orders and bookings). */
export default function HistoryPage() {
  const { params } = useRouter()
  const { me, loading: signingIn } = useSession()
  const householdId = params.householdId ? decodeURIComponent(params.householdId) : (me?.current?.householdId ?? '')
  const communityId = params.communityId ? decodeURIComponent(params.communityId) : me?.current?.communityId
  const q = useQuery(() => api.pay.history({ householdId }), [householdId], { enabled: householdId !== '' })

  return (
    <PageShell
      id='history-page'
      // A link without the household waits for the session to name the current one.
      query={{ ...q, loading: q.loading || (householdId === '' && signingIn) }}
      empty={whenEmpty((d) => d.payments, { title: '还没有线上缴纳的物业费', hint: '在线缴费后，每笔记录和电子收据都会出现在这里', action: { text: '查看待缴账单', onClick: () => backTo(feeLink('bills', communityId, { householdId })) } })}
    >
      {(d) => (
        <CellList
          items={d.payments}
          idPrefix='payment'
          row={(p) => ({
            title: paymentTitle(p.lines),
            desc: (
              <View>
                <Text>{formatDateTime(p.paidAt ?? p.createdAt)}</Text>
                {p.refundedFen > 0 ? <Text className='bill__late'>{` · 已退款 ${formatFen(p.refundedFen)}`}</Text> : null}
                {p.status === 'paid' ? <Text className='link history__receipt'>查看电子收据</Text> : null}
              </View>
            ),
            extra: (
              <View className='bill__amount'>
                <Price fen={p.totalFen} size='m' />
                <Chip text={PAYMENT_STATUS_LABELS[p.status]} tone={p.status === 'paid' ? 'primary' : 'accent'} />
              </View>
            ),
            onClick: p.status === 'paid' ? () => void Taro.navigateTo({ url: feeLink('receipt', communityId, { paymentId: p.id }) }) : undefined
          })}
        />
      )}
    </PageShell>
  )
}
