import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { DELIVERY_MODE_LABELS, PRODUCT_KIND_LABELS } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type CampaignDetail, PRESALE_ADMIN_PKG, PRESALE_PKG, getCampaign, recordVisit, shareCampaign } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { currentMe, ensureSession } from '../../../../services/session'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { CampaignBadge, Countdown, ProductArt, ThresholdProgress, deliveryText, useNow } from '../../ui'
import '../../presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * A pre-sale: countdown, progress to the group threshold, remaining stock per SKU. Opened from a
 * butler's card (`inv`) or poster (`scene`), it first records where the resident came from.
 */
export default function CampaignDetailPage() {
  const { params } = useRouter()
  const [id, setId] = useState(params.id ?? '')
  const [data, setData] = useState<CampaignDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [skuId, setSkuId] = useState('')
  const [share, setShare] = useState<{ path: string; visits: number; orders: number } | null>(null)
  const [visited, setVisited] = useState(false)
  const now = useNow()
  const current = currentMe()?.current
  const role = current?.role

  const load = async (campaignId: string, communityId?: string) => {
    const r = await getCampaign(campaignId, { ...(current?.householdId ? { householdId: current.householdId } : {}), ...(communityId ? { communityId } : {}) })
    if (!r.ok) return setError(r.error)
    setData(r.data)
    setError(null)
    const open = r.data.campaign.skus.find((s) => s.remaining > 0)
    setSkuId((prev) => prev || open?.id || r.data.campaign.skus[0]?.id || '')
  }

  useDidShow(() => {
    void ensureSession().then(async (s) => {
      if (!s.ok) return setError(s.error)
      const token = params.inv ?? (params.scene ? decodeURIComponent(params.scene) : '')
      if (token && !visited) {
        setVisited(true)
        const v = await recordVisit(token)
        if (v.ok) {
          setId(v.data.campaignId)
          return load(v.data.campaignId, v.data.communityId)
        }
        // An expired or unknown invitation must say so, not spin forever.
        if (!id) return setError(v.error)
      }
      if (id) await load(id)
    })
  })

  useShareAppMessage(() => ({
    title: data ? `${data.campaign.title}｜邻里严选` : '邻里严选',
    path: share?.path ?? `${PRESALE_PKG}/detail/index?id=${id}`
  }))

  const prepareShare = async () => {
    const r = await shareCampaign(id)
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path, visits: r.data.visits, orders: r.data.orders })
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true } as never)
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const c = data.campaign
  const sku = c.skus.find((s) => s.id === skuId)
  const mine = data.mine
  const soldOut = c.skus.every((s) => s.remaining === 0)
  const canBuy = role === 'resident' && c.status === 'live' && !!mine && mine.remainingLimit > 0 && !!sku && sku.remaining > 0
  const h5Link = share && process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${share.path}` : ''
  return (
    <View className={`page ${role === 'resident' ? 'ps-page--bar' : ''}`} id='presale-detail'>
      <View className='ps-hero'>
        <ProductArt name={c.productName} images={c.images} className='ps-hero__art' />
        <View className='ps-hero__body'>
          <View className='row'>
            <CampaignBadge status={c.status} />
            <Text className='muted'>
              {PRODUCT_KIND_LABELS[c.productKind]} · {c.supplierName}
            </Text>
          </View>
          <Text className='ps-hero__title'>{c.title}</Text>
          <View className='ps-card__price'>
            <Price fen={sku?.priceFen ?? 0} size='l' />
            {sku && sku.originalFen > sku.priceFen ? <Price fen={sku.originalFen} size='s' original /> : null}
            <Text className='muted'>/{c.unit}</Text>
          </View>
          <View className='ps-hero__band'>
            <Countdown c={c} now={now} id='campaign-countdown' />
            <Text className='muted'>每户限购 {c.householdLimit} {c.unit}</Text>
          </View>
          <ThresholdProgress c={c} id='campaign-progress' />
        </View>
      </View>

      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          选择规格
        </Text>
        <View className='ps-skus'>
          {c.skus.map((s) => (
            <View key={s.id} id={`sku-${s.id}`} className={`ps-sku ${s.id === skuId ? 'ps-sku--on' : ''} ${s.remaining === 0 ? 'ps-sku--off' : ''}`} onClick={() => setSkuId(s.id)}>
              <View>
                <Text className='ps-sku__name'>{s.name}</Text>
                <Text className='ps-sku__left' id={`sku-left-${s.id}`}>
                  {s.remaining > 0 ? `剩余 ${s.remaining}/${s.stock}` : '已售罄'}
                </Text>
              </View>
              <Price fen={s.priceFen} />
            </View>
          ))}
        </View>
        {mine ? (
          <Text className='muted' style={{ display: 'block', marginTop: '16px' }} id='mine-bought'>
            本户已购 {mine.bought} {c.unit}，还可购 {mine.remainingLimit} {c.unit}
          </Text>
        ) : null}
      </View>

      <View className='card'>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>预售时间</Text>
          <Text className='ps-kv__v'>
            {formatDateTime(c.startAt)} 至 {formatDateTime(c.endAt)}
          </Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>成团规则</Text>
          <Text className='ps-kv__v'>{c.threshold === null ? '无门槛，截止后即发货' : `截止前全社区付款满 ${c.threshold} ${c.unit}成团；未成团自动原路退款`}</Text>
        </View>
        <View className='ps-kv'>
          <Text className='ps-kv__k'>{DELIVERY_MODE_LABELS[c.delivery.mode]}</Text>
          <Text className='ps-kv__v'>{deliveryText(c.delivery)}</Text>
        </View>
        {c.delivery.pickupPoint ? (
          <View className='ps-kv'>
            <Text className='ps-kv__k'>自提地址</Text>
            <Text className='ps-kv__v'>
              {c.delivery.pickupPoint.address}
              {c.delivery.pickupPoint.hours ? `（${c.delivery.pickupPoint.hours}）` : ''}
            </Text>
          </View>
        ) : null}
        <View className='ps-kv'>
          <Text className='ps-kv__k'>取消规则</Text>
          <Text className='ps-kv__v'>截止前可随时取消，已付款原路退回</Text>
        </View>
      </View>

      {c.description ? (
        <View className='card'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            商品介绍
          </Text>
          <Text className='ps-desc'>{c.description}</Text>
        </View>
      ) : null}

      {role === 'butler' ? (
        <View className='card' id='butler-share'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            分享给邻居
          </Text>
          {share ? (
            <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>
              通过你的分享：访问 {share.visits} 人 · 已付款 {share.orders} 单
            </Text>
          ) : null}
          <View className='ps-buttons'>
            {!share ? (
              <Button id='share-prepare' block type='primary' onClick={() => void prepareShare()}>
                生成我的分享卡片
              </Button>
            ) : process.env.TARO_ENV === 'weapp' ? (
              <Button block type='primary' openType='share'>
                分享到微信群
              </Button>
            ) : (
              <View>
                <Text className='ps-token' id='share-link'>
                  {h5Link}
                </Text>
                <Button className='btn-block' block type='primary' onClick={() => void Taro.setClipboardData({ data: h5Link })}>
                  复制分享链接
                </Button>
              </View>
            )}
            <Button className='btn-block' block fill='outline' type='primary' onClick={() => go(`${PRESALE_ADMIN_PKG}/poster/index?id=${c.id}`)}>
              生成海报（朋友圈 / 张贴）
            </Button>
          </View>
        </View>
      ) : null}
      {role === 'operator' ? (
        <Button className='btn-block' block type='primary' onClick={() => go(`${PRESALE_ADMIN_PKG}/dashboard/index?id=${c.id}`)}>
          查看预售看板
        </Button>
      ) : null}

      {role === 'resident' ? (
        <View className='ps-bar'>
          <Text className='ps-bar__total'>{c.status === 'live' ? (soldOut ? '已售罄' : mine && mine.remainingLimit === 0 ? '已达本户限购' : `已选：${sku?.name ?? ''}`) : c.status === 'scheduled' ? '尚未开始' : '预售已截止'}</Text>
          <Button
            id='go-confirm'
            className='ps-bar__btn'
            type='primary'
            disabled={!canBuy}
            onClick={() => go(`${PRESALE_PKG}/confirm/index?id=${c.id}&skuId=${skuId}`)}
          >
            立即预订
          </Button>
        </View>
      ) : null}
    </View>
  )
}
