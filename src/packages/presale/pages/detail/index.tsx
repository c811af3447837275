import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { DELIVERY_MODE_LABELS, PRODUCT_KIND_LABELS } from '@contracts/order'
import { api, ensureSession, useSession } from '../../../../client'
import { useInvitation } from '../../../../components/Invitation'
import { ShareButton } from '../../../../components/ShareSheet'
import { recordVisit } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, ButtonRow, KVList, type KVRow, Notice, Price, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { Countdown } from '../../components/Countdown'
import { Gallery } from '../../components/Gallery'
import { PackageParts } from '../../components/PackageParts'
import { SkuChoices } from '../../components/SkuChoices'
import { CampaignChip } from '../../components/StatusChip'
import { ThresholdProgress } from '../../components/ThresholdProgress'
import { deliveryText, minPrice, productIcon } from '../../format'
import { householdIn, roleIn } from '../../here'
import { butlerKitLink, presaleAdminLink, presaleLink } from '../../links'
import type { Campaign } from '../../types'
import { useNow } from '../../use-now'
import '../../presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

function photosOf(c: Campaign): string[] {
  return [...new Set([c.cover, ...c.images].filter((p): p is string => !!p))]
}

/**
 * A pre-sale: countdown, progress to the group threshold, remaining stock per SKU. Opened from a
 * butler's card (`inv`) or poster (`scene`), it first records where the resident came from; the
 * invitation names the campaign and its community, so the link works from cold whoever opens it.
 */
export default function CampaignDetailPage() {
  const { me } = useSession()
  const invitation = useInvitation(recordVisit, (v) => v.campaignId)
  const inviter = invitation.inviter
  const [skuId, setSkuId] = useState('')
  const [share, setShare] = useState<{ path: string; visits: number; orders: number } | null>(null)
  const now = useNow()

  const q = useQuery(
    async () => {
      const t = await invitation.resolve()
      if (!t.ok) return t
      // The household bought for belongs to the campaign's community: known once signed in.
      const session = await ensureSession()
      const { id, communityId } = t.data
      const householdId = householdIn(session.ok ? session.data : null, communityId)
      const r = await api.order.campaign({ id, ...(householdId ? { householdId } : {}) }, communityId ? { communityId } : {})
      if (r.ok) {
        const open = r.data.campaign.skus.find((s) => s.remaining > 0) ?? r.data.campaign.skus[0]
        setSkuId((prev) => prev || open?.id || '')
      }
      return r
    },
    [],
    { enabled: invitation.linked }
  )
  const communityId = invitation.communityId ?? me?.current?.communityId
  const role = roleIn(me, communityId)

  useShareAppMessage(() => {
    const c = q.data?.campaign
    return {
      title: c ? `${c.title}｜邻里严选` : '邻里严选',
      path: share?.path ?? (c ? presaleLink('detail', communityId, { id: c.id }) : presaleLink('list', communityId))
    }
  })

  const prepareShare = async (campaignId: string) => {
    const r = await api.order.share({ campaignId })
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path, visits: r.data.visits, orders: r.data.orders })
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] })
  }

  return (
    <PageShell id='presale-detail' query={q}>
      {(data) => {
        const c = data.campaign
        const sku = c.skus.find((s) => s.id === skuId)
        const mine = data.mine
        const soldOut = c.skus.every((s) => s.remaining === 0)
        const canBuy = role === 'resident' && c.status === 'live' && !!mine && mine.remainingLimit > 0 && !!sku && sku.remaining > 0
        const icon = productIcon(c.productKind)
        const rules: KVRow[] = [
          { label: '预售时间', value: `${formatDateTime(c.startAt)} 至\n${formatDateTime(c.endAt)}` },
          { label: '成团规则', value: c.threshold === null ? '无门槛，截止后即安排配送' : `截止前全社区付款满 ${c.threshold} ${c.unit}成团；未成团自动原路退款` },
          { label: DELIVERY_MODE_LABELS[c.delivery.mode], value: deliveryText(c.delivery) },
          ...(c.delivery.pickupPoint
            ? [{ label: '自提地址', value: `${c.delivery.pickupPoint.address}${c.delivery.pickupPoint.hours ? `（${c.delivery.pickupPoint.hours}）` : ''}` }]
            : []),
          { label: '取消规则', value: '截止前可随时取消，已付款原路退回' }
        ]
        return (
          <>
            <Gallery photos={photosOf(c)} icon={icon} />
            <Section>
              <View className='ps-head'>
                <CampaignChip status={c.status} />
                <Text className='ps-meta'>
                  {PRODUCT_KIND_LABELS[c.productKind]} · {c.supplierName}
                </Text>
              </View>
              <Text className='ps-title'>{c.title}</Text>
              <View className='ps-price'>
                <Price fen={sku?.priceFen ?? minPrice(c).priceFen} size='l' />
                {sku && sku.originalFen > sku.priceFen ? <Price fen={sku.originalFen} size='s' original /> : null}
                <Text className='ps-unit'>/{c.unit}</Text>
                {sku?.savingFen ? <Text className='ps-saving__tag'>比单买省 {formatFen(sku.savingFen, { trimZeros: true })}</Text> : null}
              </View>
              <View className='ps-band'>
                <Countdown c={c} now={now} id='campaign-countdown' />
                <Text className='ps-band__limit'>
                  每户限购 {c.householdLimit} {c.unit}
                </Text>
              </View>
              <ThresholdProgress c={c} id='campaign-progress' />
            </Section>
            {inviter ? <Notice>管家{inviter}邀你一起拼，成团后送到家</Notice> : null}

            <Section title='选择规格'>
              <SkuChoices c={c} value={skuId} onChange={setSkuId} idPrefix='sku' showStock />
              {mine ? (
                <Text className='ps-meta' id='mine-bought'>
                  本户已购 {mine.bought} {c.unit}，还可购 {mine.remainingLimit} {c.unit}
                </Text>
              ) : null}
            </Section>

            <PackageParts c={c} priceFen={sku?.priceFen ?? minPrice(c).priceFen} />

            <Section title='预售须知'>
              <KVList rows={rules} />
            </Section>

            {c.description ? (
              <Section title='商品介绍'>
                <Text className='ps-desc'>{c.description}</Text>
              </Section>
            ) : null}

            {role === 'butler' ? (
              <Section title='分享给邻居' id='butler-share'>
                {share ? (
                  <Text className='ps-meta' id='share-stats'>
                    通过你的分享：访问 {share.visits} 人，已付款 {share.orders} 单
                  </Text>
                ) : (
                  <Text className='ps-meta'>生成你的专属卡片发到业主群，邻居从卡片下单会记在你名下。</Text>
                )}
                <ButtonRow stacked>
                  {!share ? (
                    <Button id='share-prepare' type='primary' onClick={() => void prepareShare(c.id)}>
                      生成我的分享卡片
                    </Button>
                  ) : (
                    <ShareButton
                      id='share-send'
                      text='分享到微信群'
                      content={{ title: `${c.title}｜邻里严选`, path: share.path, description: `${formatFen(minPrice(c).priceFen, { trimZeros: true })} 起，${deliveryText(c.delivery)}`, image: c.cover }}
                    />
                  )}
                  <Button id='share-poster' fill='outline' type='primary' onClick={() => go(presaleAdminLink('poster', communityId, { id: c.id }))}>
                    生成海报（朋友圈 / 张贴）
                  </Button>
                  <Button id='share-kit' fill='outline' type='primary' onClick={() => go(butlerKitLink(c.id, communityId))}>
                    话术工具包
                  </Button>
                </ButtonRow>
              </Section>
            ) : null}
            {role === 'operator' ? (
              <ButtonRow stacked>
                <Button id='go-dashboard' type='primary' onClick={() => go(presaleAdminLink('dashboard', communityId, { id: c.id }))}>
                  查看预售看板
                </Button>
              </ButtonRow>
            ) : null}

            {role === 'resident' ? (
              <ActionBar>
                <View className='ps-total' id='detail-state'>
                  {c.status === 'live' ? (
                    <Text>{soldOut ? '已售罄' : mine && mine.remainingLimit === 0 ? '已达本户限购' : `已选：${sku?.name ?? '请选择规格'}`}</Text>
                  ) : c.status === 'scheduled' ? (
                    <>
                      <Text>尚未开售</Text>
                      <Text className='ps-countdown'>{formatDateTime(c.startAt)} 开始</Text>
                    </>
                  ) : (
                    <Text>预售已截止</Text>
                  )}
                </View>
                <Button id='go-confirm' type='primary' disabled={!canBuy} onClick={() => go(presaleLink('confirm', communityId, { id: c.id, skuId }))}>
                  立即预订
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
