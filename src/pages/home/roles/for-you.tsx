import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../client'
import { formatFen } from '../../../utils/money'
import { pageLink } from '../../../utils/link'
import { Cell, CellGroup } from '../../../ui/kit'
import { useQuery } from '../../../ui/shell'

const open = (url: string) => void Taro.navigateTo({ url })

/**
 * 为你推荐 under the tiles: pre-sales and home services chosen for this household, each with the
 * reason in words (常购生鲜, 家有老人). Nothing is shown while loading, or when there is nothing
 * to recommend; a failed load offers a retry.
 */
export function ForYou({ householdId, communityId }: { householdId: string; communityId: string }) {
  const q = useQuery(() => api.order.forYou({ householdId }), [householdId])
  if (q.error && !q.data) {
    return (
      <View className='home-notices__retry' id='for-you-retry' onClick={() => void q.reload()}>
        <Text className='muted'>为你推荐加载失败，点此重试</Text>
      </View>
    )
  }
  if (!q.data || q.data.items.length === 0) return null
  return (
    <CellGroup title='为你推荐' id='for-you'>
      {q.data.items.map((x) => (
        <Cell
          key={`${x.kind}-${x.id}`}
          id={`for-you-${x.id}`}
          thumb={x.cover}
          icon={x.kind === 'service' ? 'cleaning' : 'store'}
          title={x.title}
          desc={
            <>
              <Text>{x.priceFen === null ? '上门报价' : x.priceFen === 0 ? '物业费已含' : `${formatFen(x.priceFen)}${x.kind === 'campaign' ? ' 起' : `/${x.unit}`}`}</Text>
              <Text className='for-you__reason'>{x.reason}</Text>
            </>
          }
          onClick={() =>
            open(
              x.kind === 'campaign'
                ? pageLink('/packages/presale/pages/detail/index', { id: x.id, communityId })
                : pageLink('/packages/service/pages/book/index', { lineId: x.id, communityId })
            )
          }
        />
      ))}
    </CellGroup>
  )
}
