import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PRODUCT_KIND_LABELS } from '@contracts/order'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellList, Chip, KVList, Price, Section, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { EmptyState, PageShell, all, useQuery } from '../../../../ui/shell'
import { CampaignChip } from '../../../presale/components/StatusChip'
import { productHead, productIcon } from '../../../presale/format'
import { useHere } from '../../../presale/here'
import { presaleAdminLink } from '../../../presale/links'
import type { Campaign } from '../../../presale/types'
import '../../../presale/presale.scss'

type Tab = 'campaigns' | 'products'
const TABS: SegmentedOption<Tab>[] = [{ value: 'campaigns', label: '预售活动' }, { value: 'products', label: '商品库' }]
const go = (url: string) => void Taro.navigateTo({ url })

/** The tab's one action, above its list. */
function CreateButton({ id, text, onClick }: { id: string; text: string; onClick(): void }) {
  return (
    <>
      <ButtonRow>
        <Button id={id} type='primary' onClick={onClick}>
          {text}
        </Button>
      </ButtonRow>
      <View style={{ height: '24px' }} />
    </>
  )
}

/** The operator's pre-sales (drafts included) and the product catalog they are made from. */
export default function AdminCampaignsPage() {
  const { communityId } = useHere()
  const [tab, setTab] = useState<Tab>('campaigns')
  const q = useQuery(() => all([api.order.adminCampaigns(), api.order.catalog()]), [])
  const link = (page: 'edit' | 'product' | 'dashboard', id?: string) => presaleAdminLink(page, communityId, { id })

  const publish = async (c: Campaign) => {
    const sure = await Taro.showModal({ title: '发布预售', content: `发布后不能再修改，${formatDateTime(c.startAt)} 自动开售。确定发布吗？` })
    if (!sure.confirm) return
    const r = await api.order.publishCampaign({ id: c.id })
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell id='presale-admin' query={q}>
      {([{ campaigns }, cat]) => (
        <>
          <Segmented<Tab> id='tab' value={tab} options={TABS} onChange={setTab} />
          {tab === 'campaigns' ? (
            <>
              <CreateButton id='campaign-new' text='新建预售' onClick={() => go(link('edit'))} />
              {campaigns.length === 0 ? (
                <EmptyState title='还没有预售' hint='从商品库选一个商品，定好预售价、库存和截止时间，发布后住户就能预订' action={{ text: '新建预售', onClick: () => go(link('edit')) }} />
              ) : null}
              {campaigns.map((c) => (
                <Section key={c.id} id={`admin-campaign-${c.id}`} title={c.title} extra={<CampaignChip status={c.status} />}>
                  <Cell
                    thumb={c.cover}
                    icon={productIcon(c.productKind)}
                    title={c.threshold === null ? `无成团门槛，已付 ${c.paidQuantity} ${c.unit}` : `已付 ${c.paidQuantity}/${c.threshold} ${c.unit}`}
                    desc={
                      <View>
                        <Text className='ps-meta'>开售 {formatDateTime(c.startAt)}</Text>
                        <Text className='ps-meta'>截止 {formatDateTime(c.endAt)}</Text>
                      </View>
                    }
                  />
                  <ButtonRow>
                    {c.status === 'draft' ? (
                      <>
                        <Button fill='outline' type='primary' id={`edit-${c.id}`} onClick={() => go(link('edit', c.id))}>
                          编辑
                        </Button>
                        <Button type='primary' id={`publish-${c.id}`} onClick={() => void publish(c)}>
                          发布
                        </Button>
                      </>
                    ) : (
                      <Button type='primary' id={`dashboard-${c.id}`} onClick={() => go(link('dashboard', c.id))}>
                        查看看板
                      </Button>
                    )}
                  </ButtonRow>
                </Section>
              ))}
            </>
          ) : (
            <>
              <CreateButton id='product-new' text='新建商品' onClick={() => go(link('product'))} />
              {cat.products.length === 0 ? (
                <EmptyState title='商品库还是空的' hint='先建商品（规格、价格、照片），再用它发起预售' action={{ text: '新建商品', onClick: () => go(link('product')) }} />
              ) : (
                <CellList
                  title='商品'
                  items={cat.products}
                  idPrefix='product'
                  row={(p) => ({
                    ...productHead(p),
                    desc: `${p.supplierName} · ${p.skus.map((s) => s.name).join(' / ')}`,
                    extra: (
                      <View className='ps-extra'>
                        <Chip text={PRODUCT_KIND_LABELS[p.kind]} tone='info' />
                        <Price fen={Math.min(...p.skus.map((s) => s.priceFen))} size='s' />
                      </View>
                    ),
                    onClick: () => go(link('product', p.id))
                  })}
                />
              )}
              <Section title='自提点'>
                {cat.pickupPoints.length === 0 ? (
                  <Text className='ps-meta'>还没有自提点；编辑预售时选择“到自提点自提”即可添加。</Text>
                ) : (
                  <KVList rows={cat.pickupPoints.map((p) => ({ label: p.name, value: `${p.address}${p.hours ? `\n${p.hours}` : ''}` }))} />
                )}
              </Section>
            </>
          )}
        </>
      )}
    </PageShell>
  )
}
