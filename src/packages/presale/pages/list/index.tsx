import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Campaign, PRESALE_PKG, listCampaigns } from '../../../../services/order'
import { currentMe } from '../../../../services/session'
import { CampaignBadge, Countdown, ProductArt, ThresholdProgress, deliveryText, minPrice, useNow } from '../../ui'
import '../../presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 邻里严选: the community's pre-sales, on sale first, then coming up, then just ended. */
export default function CampaignListPage() {
  const [scope, setScope] = useState<'current' | 'past'>('current')
  const [list, setList] = useState<Campaign[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const now = useNow()
  const me = currentMe()
  const householdId = me?.current?.householdId

  const load = async (s = scope) => {
    const r = await listCampaigns(s)
    if (r.ok) {
      setList(r.data.campaigns)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  return (
    <View className='page' id='presale-list'>
      <View className='ps-tabs'>
        {(['current', 'past'] as const).map((s) => (
          <Text
            key={s}
            id={`tab-${s}`}
            className={`ps-tab ${scope === s ? 'ps-tab--on' : ''}`}
            onClick={() => {
              setScope(s)
              setList(null)
              void load(s)
            }}
          >
            {s === 'current' ? '正在预售' : '往期'}
          </Text>
        ))}
      </View>
      {householdId ? (
        <View className='row' style={{ marginBottom: '24px' }}>
          <Text className='muted'>物业严选 · 先预订后采购 · 管家送到家</Text>
          <Text className='link' id='go-my-orders' onClick={() => go(`${PRESALE_PKG}/orders/index?householdId=${householdId}`)}>
            我的订单 ›
          </Text>
        </View>
      ) : null}
      {!list ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {list?.length === 0 ? <StateView empty={scope === 'current' ? '暂时没有预售，敬请期待' : '暂无往期预售'} /> : null}
      {list?.map((c) => {
        const price = minPrice(c)
        return (
          <View key={c.id} className='card' id={`campaign-${c.id}`} onClick={() => go(`${PRESALE_PKG}/detail/index?id=${c.id}`)}>
            <View className='ps-card'>
              <ProductArt name={c.productName} images={c.images} size={180} />
              <View className='ps-card__body'>
                <View className='row'>
                  <CampaignBadge status={c.status} />
                  <Countdown c={c} now={now} />
                </View>
                <Text className='ps-card__title' style={{ marginTop: '8px' }}>
                  {c.title}
                </Text>
                <Text className='ps-card__meta'>{deliveryText(c.delivery)}</Text>
                <View className='ps-card__price'>
                  <Price fen={price.priceFen} />
                  {price.originalFen > price.priceFen ? <Price fen={price.originalFen} size='s' original /> : null}
                  <Text className='muted'>{c.skus.length > 1 ? '起' : ''}/{c.unit}</Text>
                </View>
              </View>
            </View>
            <ThresholdProgress c={c} />
          </View>
        )
      })}
    </View>
  )
}
