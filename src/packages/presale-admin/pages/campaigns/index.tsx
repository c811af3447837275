import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { PRODUCT_KIND_LABELS } from '@contracts/order'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { type Campaign, type Catalog, PRESALE_ADMIN_PKG, adminCampaigns, catalog, publishCampaign } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { CampaignBadge, ProductArt } from '../../../presale/ui'
import '../../../presale/presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** The operator's pre-sales (drafts included) and the product catalog they are made from. */
export default function AdminCampaignsPage() {
  const [list, setList] = useState<Campaign[] | null>(null)
  const [cat, setCat] = useState<Catalog | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [tab, setTab] = useState<'campaigns' | 'products'>('campaigns')

  const load = async () => {
    const [a, b] = await Promise.all([adminCampaigns(), catalog()])
    if (a.ok) setList(a.data.campaigns)
    else setError(a.error)
    if (b.ok) setCat(b.data)
  }
  useDidShow(() => void load())

  const publish = async (c: Campaign) => {
    const sure = await Taro.showModal({ title: '发布预售', content: `发布后不能再修改，${formatDateTime(c.startAt)} 自动开售。确定发布吗？` })
    if (!sure.confirm) return
    const r = await publishCampaign(c.id)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void load()
  }

  return (
    <View className='page' id='presale-admin'>
      <View className='ps-tabs'>
        <Text id='tab-campaigns' className={`ps-tab ${tab === 'campaigns' ? 'ps-tab--on' : ''}`} onClick={() => setTab('campaigns')}>
          预售活动
        </Text>
        <Text id='tab-products' className={`ps-tab ${tab === 'products' ? 'ps-tab--on' : ''}`} onClick={() => setTab('products')}>
          商品库
        </Text>
      </View>
      {tab === 'campaigns' ? (
        <View>
          <Button id='campaign-new' block type='primary' onClick={() => go(`${PRESALE_ADMIN_PKG}/edit/index`)}>
            ＋ 新建预售
          </Button>
          <View style={{ height: '24px' }} />
          {!list ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
          {list?.length === 0 ? <StateView empty='还没有预售' /> : null}
          {list?.map((c) => (
            <View key={c.id} className='card' id={`admin-campaign-${c.id}`}>
              <View className='ps-card'>
                <ProductArt name={c.productName} images={c.images} size={120} />
                <View className='ps-card__body'>
                  <View className='row'>
                    <CampaignBadge status={c.status} />
                    <Text className='muted'>{c.threshold === null ? '无门槛' : `已付 ${c.paidQuantity}/${c.threshold}`}</Text>
                  </View>
                  <Text className='ps-card__title' style={{ marginTop: '8px' }}>
                    {c.title}
                  </Text>
                  <Text className='ps-card__meta'>
                    {formatDateTime(c.startAt)} — {formatDateTime(c.endAt)}
                  </Text>
                </View>
              </View>
              <View className='ps-actions'>
                {c.status === 'draft' ? (
                  <>
                    <Button size='small' fill='outline' id={`edit-${c.id}`} onClick={() => go(`${PRESALE_ADMIN_PKG}/edit/index?id=${c.id}`)}>
                      编辑
                    </Button>
                    <Button size='small' type='primary' id={`publish-${c.id}`} onClick={() => void publish(c)}>
                      发布
                    </Button>
                  </>
                ) : (
                  <Button size='small' type='primary' id={`dashboard-${c.id}`} onClick={() => go(`${PRESALE_ADMIN_PKG}/dashboard/index?id=${c.id}`)}>
                    看板
                  </Button>
                )}
              </View>
            </View>
          ))}
        </View>
      ) : (
        <View>
          <Button id='product-new' block type='primary' onClick={() => go(`${PRESALE_ADMIN_PKG}/product/index`)}>
            ＋ 新建商品
          </Button>
          <View style={{ height: '24px' }} />
          {!cat ? <StateView loading /> : null}
          {cat?.products.map((p) => (
            <View key={p.id} className='card' id={`product-${p.id}`} onClick={() => go(`${PRESALE_ADMIN_PKG}/product/index?id=${p.id}`)}>
              <View className='ps-card'>
                <ProductArt name={p.name} images={p.images} size={100} />
                <View className='ps-card__body'>
                  <View className='row'>
                    <Text className='ps-card__title'>{p.name}</Text>
                    <Text className='ps-status ps-status--info'>{PRODUCT_KIND_LABELS[p.kind]}</Text>
                  </View>
                  <Text className='ps-card__meta'>{p.supplierName}</Text>
                  <Text className='ps-card__meta'>
                    {p.skus.map((s) => s.name).join(' / ')} · 起 <Price fen={Math.min(...p.skus.map((s) => s.priceFen))} size='s' />
                  </Text>
                </View>
              </View>
            </View>
          ))}
          {cat ? (
            <View className='card'>
              <Text className='section-title' style={{ marginTop: 0 }}>
                自提点
              </Text>
              {cat.pickupPoints.map((p) => (
                <View key={p.id} className='ps-kv'>
                  <Text className='ps-kv__k'>{p.name}</Text>
                  <Text className='ps-kv__v'>
                    {p.address} {p.hours}
                  </Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      )}
    </View>
  )
}
