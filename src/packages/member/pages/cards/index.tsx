import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CARD_STATUS_LABELS } from '@contracts/member'
import { RELATION_LABELS } from '@contracts/roles'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { pageLink } from '../../../../utils/link'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { usePageCommunity } from '../../links'
import type { ServiceCard } from '../../types'

const SERVICE_LIST = '/packages/service/pages/list/index'
import '../../member.scss'

/** 我的服务卡: uses left, expiry, and handing a card to another member of the household. */
export default function CardsPage() {
  const communityId = usePageCommunity()
  const q = useQuery(() => api.member.cards(), [])
  const [open, setOpen] = useState<string | null>(null)

  const give = async (card: ServiceCard, to: { userId: string; nickname: string }) => {
    const ok = await Taro.showModal({ title: '转赠服务卡', content: `把「${card.title}」（剩余 ${card.usesLeft} 次）转给${to.nickname}？转赠后由对方使用。` })
    if (!ok.confirm) return
    const r = await api.member.transferCard({ cardId: card.id, toUserId: to.userId })
    if (!r.ok) return toastError(r.error)
    setOpen(null)
    void Taro.showToast({ title: '已转赠', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell
      id='cards-page'
      query={q}
      empty={whenEmpty((d) => d.cards, { title: '还没有服务卡', hint: '购买次卡、参加社区活动或领取物业奖励都能获得服务卡，预约服务时每次用 1 次', action: { text: '看看到家服务', onClick: () => void Taro.navigateTo({ url: pageLink(SERVICE_LIST, { communityId }) }) } })}
    >
      {(data) => (
        <>
          {data.cards.map((c) => {
            const active = c.status === 'active'
            const members = data.members.filter((m) => m.householdId === c.householdId)
            return (
              <View key={c.id} id={`card-${c.id}`} className={`mb-scard${active ? '' : ' mb-scard--off'}`}>
                <View className='mb-scard__top'>
                  <Text className='mb-scard__title'>{c.title}</Text>
                  <Text className='mb-scard__tag'>{active ? c.sourceLabel : CARD_STATUS_LABELS[c.status]}</Text>
                </View>
                <View className='mb-scard__uses'>
                  <Text className='mb-scard__left'>{c.usesLeft}</Text>
                  <Text className='mb-scard__total'>/ {c.usesTotal} 次</Text>
                </View>
                <Text className='mb-scard__meta'>
                  {c.scopeLabel} · {formatDate(c.validTo)} 前有效
                </Text>
                <Text className='mb-scard__meta'>
                  {c.householdLabel} · {c.mine ? '我持有' : `${c.ownerName} 持有`}
                  {c.lastUsedAt ? ` · 上次使用 ${formatDate(c.lastUsedAt)}` : ''}
                </Text>
                {c.mine && active && members.length > 0 ? (
                  <ButtonRow>
                    <Button id={`card-give-${c.id}`} size='small' onClick={() => setOpen(open === c.id ? null : c.id)}>
                      {open === c.id ? '收起' : '转赠家人'}
                    </Button>
                  </ButtonRow>
                ) : null}
                {open === c.id ? (
                  <View className='mb-members'>
                    {members.map((m) => (
                      <Cell
                        key={m.userId}
                        icon='user'
                        title={m.nickname}
                        desc={RELATION_LABELS[m.relation]}
                        extra={
                          <Button id={`card-give-to-${m.userId}`} size='small' type='primary' onClick={() => void give(c, m)}>
                            转给 TA
                          </Button>
                        }
                      />
                    ))}
                  </View>
                ) : null}
              </View>
            )
          })}
          <Text className='mb-meta' style={{ textAlign: 'center' }}>
            预约服务时选择服务卡，每次预约用 1 次
          </Text>
        </>
      )}
    </PageShell>
  )
}
