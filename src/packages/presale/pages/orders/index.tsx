import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { CellList, Price } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { OrderChip } from '../../components/StatusChip'
import { productIcon } from '../../format'
import { useHere } from '../../here'
import { presaleLink } from '../../links'
import '../../presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** The household's pre-sale orders, newest first. */
export default function MyOrdersPage() {
  const { params } = useRouter()
  const here = useHere()
  const householdId = params.householdId ? decodeURIComponent(params.householdId) : (here.householdId ?? '')
  const q = useQuery(() => api.order.mine({ householdId }), [householdId], { enabled: householdId !== '' })

  return (
    <PageShell
      id='presale-orders'
      query={q}
      empty={whenEmpty((d) => d.orders, { title: '还没有预售订单', hint: '在邻里严选预订的商品会出现在这里', action: { text: '去看看正在预售', onClick: () => go(presaleLink('list', here.communityId)) } })}
    >
      {(d) => (
        <CellList
          items={d.orders}
          idPrefix='order'
          row={(o) => ({
            thumb: o.productPhoto,
            icon: productIcon(o.productKind),
            title: o.campaignTitle,
            desc: (
              <View>
                <Text className='ps-meta'>
                  {o.skuName} × {o.quantity}
                </Text>
                <Text className='ps-meta'>{o.householdLabel}</Text>
                <Text className={o.actions.pay ? 'ps-countdown' : 'ps-meta'}>
                  {o.actions.pay ? `${formatDateTime(o.payBefore)} 前支付` : `${formatDateTime(o.createdAt)} 下单`}
                </Text>
              </View>
            ),
            extra: (
              <View className='ps-extra'>
                <OrderChip status={o.status} />
                <Price fen={o.amountFen} size='s' />
              </View>
            ),
            onClick: () => go(presaleLink('order', here.communityId, { id: o.id }))
          })}
        />
      )}
    </PageShell>
  )
}
