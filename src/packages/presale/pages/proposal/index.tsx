import { Text, View } from '@tarojs/components'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import { PRODUCT_CATEGORY_LABELS, PRODUCT_KIND_LABELS } from '@contracts/order-kinds'
import { api, ensureSession, useSession } from '../../../../client'
import { useInvitation } from '../../../../components/Invitation'
import { ShareButton } from '../../../../components/ShareSheet'
import { recordVisit } from '../../../../services/order'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, ButtonRow, KVList, Notice, Price, Section, Stepper } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { Gallery } from '../../components/Gallery'
import { DemandProgress } from '../../components/ProposalCard'
import { ProposalChip } from '../../components/StatusChip'
import { householdIn, roleIn } from '../../here'
import { presaleLink } from '../../links'
import '../../presale.scss'
import { productIcon } from '../../format'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * One 意向登记: what it is, its rough price, how many have registered towards 开团, and the
 * household's own quantity (0 withdraws). Once it became a pre-sale, the registrant's reservation
 * is one tap away. Opened from a butler's card, the visit is recorded first, so the reservation
 * the registration becomes is credited to that butler.
 */
export default function ProposalPage() {
  const { me } = useSession()
  const invitation = useInvitation(recordVisit, (v) => v.proposalId ?? '')
  const [qty, setQty] = useState<number | null>(null)
  const [saving, setSaving] = useState(false)
  const [share, setShare] = useState<{ path: string; visits: number; registered: number } | null>(null)

  const q = useQuery(
    async () => {
      const t = await invitation.resolve()
      if (!t.ok) return t
      const session = await ensureSession()
      const { id, communityId } = t.data
      const householdId = householdIn(session.ok ? session.data : null, communityId)
      return api.order.proposal({ id, ...(householdId ? { householdId } : {}) }, communityId ? { communityId } : {})
    },
    [],
    { enabled: invitation.linked }
  )
  const communityId = invitation.communityId ?? me?.current?.communityId
  const role = roleIn(me, communityId)

  useShareAppMessage(() => {
    const p = q.data
    return { title: p ? `${p.title}｜邻里接龙` : '邻里接龙', path: share?.path ?? (p ? presaleLink('proposal', communityId, { id: p.id }) : presaleLink('proposals', communityId)) }
  })

  const save = async (proposalId: string, householdId: string, quantity: number) => {
    setSaving(true)
    const r = await api.order.registerInterest({ proposalId, householdId, quantity }, communityId ? { communityId } : {})
    setSaving(false)
    if (!r.ok) return toastError(r.error)
    q.setData(r.data)
    setQty(null)
    void Taro.showToast({ title: quantity > 0 ? '已登记' : '已取消登记', icon: 'success' })
  }

  const prepareShare = async (proposalId: string) => {
    const r = await api.order.shareProposal({ proposalId })
    if (!r.ok) return toastError(r.error)
    setShare({ path: r.data.path, visits: r.data.visits, registered: r.data.registered })
    if (process.env.TARO_ENV === 'weapp') void Taro.showShareMenu({ withShareTicket: true, showShareItems: ['wechatFriends'] })
  }

  return (
    <PageShell id='proposal-detail' query={q}>
      {(p) => {
        const mine = p.mine
        const open = p.status === 'open' && p.closesAt > Date.now()
        const current = mine?.quantity ?? 0
        const chosen = qty ?? (current > 0 ? current : 1)
        return (
          <>
            <Gallery photos={p.images} icon={productIcon(p.kind)} />
            <Section>
              <View className='ps-head'>
                <ProposalChip status={p.status} id='proposal-status' />
                <Text className='ps-meta'>
                  {PRODUCT_KIND_LABELS[p.kind]} · {PRODUCT_CATEGORY_LABELS[p.category]}
                </Text>
              </View>
              <Text className='ps-title'>{p.title}</Text>
              <View className='ps-price'>
                <Text className='ps-meta'>预计</Text>
                <Price fen={p.indicativePriceFen} size='l' />
                <Text className='ps-unit'>/{p.unit}</Text>
              </View>
              <DemandProgress p={p} id='proposal-progress' />
            </Section>
            {invitation.inviter ? <Notice>管家{invitation.inviter}邀你接龙：够数就开团，开团后再付款</Notice> : null}

            {p.status === 'converted' ? (
              <Section title='已开团' id='proposal-converted'>
                <Text className='ps-meta'>
                  {mine?.orderId
                    ? `已为本户预留 ${current} ${p.unit}，请在预留到期前付款确认，逾期自动释放。`
                    : current > 0
                      ? '开团时库存不足，未能为本户预留，可到预售页看看还有没有。'
                      : '大家的需求够数了，已转为预售，现在就能下单。'}
                </Text>
                <ButtonRow stacked>
                  {mine?.orderId ? (
                    <Button id='go-reservation' type='primary' onClick={() => go(presaleLink('order', communityId, { id: mine.orderId }))}>
                      去付款确认
                    </Button>
                  ) : null}
                  {p.campaignId ? (
                    <Button id='go-campaign' fill={mine?.orderId ? 'outline' : 'solid'} type='primary' onClick={() => go(presaleLink('detail', communityId, { id: p.campaignId }))}>
                      查看预售
                    </Button>
                  ) : null}
                </ButtonRow>
              </Section>
            ) : null}

            <Section title='接龙须知'>
              <KVList
                rows={[
                  { label: '征集截止', value: formatDateTime(p.closesAt) },
                  { label: '开团数量', value: `全社区登记满 ${p.threshold} ${p.unit}` },
                  { label: '每户最多', value: `${p.householdLimit} ${p.unit}` },
                  { label: '登记', value: '只登记数量，不用付钱' },
                  { label: '开团后', value: '按登记数量为你预留 48 小时，付款即确认；不付款自动释放' }
                ]}
              />
            </Section>
            {p.description ? (
              <Section title='介绍'>
                <Text className='ps-desc'>{p.description}</Text>
              </Section>
            ) : null}

            {role === 'butler' && open ? (
              <Section title='发到业主群接龙' id='butler-share'>
                <Text className='ps-meta' id='share-stats'>
                  {share ? `通过你的卡片：访问 ${share.visits} 人，登记 ${share.registered} 户` : '生成你的专属卡片发到群里，邻居登记后开团下单会记在你名下。'}
                </Text>
                <ButtonRow stacked>
                  {!share ? (
                    <Button id='share-prepare' type='primary' onClick={() => void prepareShare(p.id)}>
                      生成我的接龙卡片
                    </Button>
                  ) : (
                    <ShareButton id='share-send' text='分享到微信群' content={{ title: `${p.title}｜邻里接龙`, path: share.path, description: `预计 ${formatFen(p.indicativePriceFen, { trimZeros: true })}/${p.unit}，满 ${p.threshold} ${p.unit}开团`, image: p.images[0] ?? null }} />
                  )}
                </ButtonRow>
              </Section>
            ) : null}

            {role === 'resident' && mine && open ? (
              <ActionBar>
                <View className='ps-total' id='proposal-mine'>
                  <Text>{current > 0 ? `本户已登记 ${current} ${p.unit}` : '本户登记'}</Text>
                  <Stepper id='proposal-qty' value={chosen} min={current > 0 ? 0 : 1} max={p.householdLimit} disabled={saving} onChange={setQty} />
                </View>
                <Button id='proposal-register' type='primary' loading={saving} disabled={chosen === current} onClick={() => void save(p.id, mine.householdId, chosen)}>
                  {current === 0 ? `登记 ${chosen} ${p.unit}` : chosen === 0 ? '取消登记' : '修改登记'}
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
