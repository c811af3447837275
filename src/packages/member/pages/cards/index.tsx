import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { CARD_STATUS_LABELS } from '@contracts/member'
import { RELATION_LABELS } from '@contracts/roles'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Cards, type ServiceCard, myCards, transferCard } from '../../../../services/member'
import { toastError } from '../../../../services/result'
import { formatDate } from '../../../../utils/time'
import '../../member.scss'

/** 我的服务卡: uses left, expiry, and handing a card to another member of the household. */
export default function CardsPage() {
  const [data, setData] = useState<Cards | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [open, setOpen] = useState<string | null>(null)

  const load = async () => {
    const r = await myCards()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const give = async (card: ServiceCard, to: { userId: string; nickname: string }) => {
    const ok = await Taro.showModal({ title: '转赠服务卡', content: `把「${card.title}」（剩余 ${card.usesLeft} 次）转给${to.nickname}？转赠后由对方使用。` })
    if (!ok.confirm) return
    const r = await transferCard(card.id, to.userId)
    if (!r.ok) return toastError(r.error)
    setOpen(null)
    void Taro.showToast({ title: '已转赠', icon: 'success' })
    void load()
  }

  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  return (
    <View className='page' id='cards-page'>
      {data.cards.length === 0 ? (
        <View className='card'>
          <StateView empty='还没有服务卡。购买次卡或参加社区活动可获得' />
        </View>
      ) : null}
      {data.cards.map((c) => {
        const active = c.status === 'active'
        const members = data.members.filter((m) => m.householdId === c.householdId)
        return (
          <View key={c.id} id={`card-${c.id}`} className={`mb-scard ${active ? '' : 'mb-scard--off'}`}>
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
              <View className='mb-scard__actions'>
                <Text className='mb-scard__btn' id={`card-give-${c.id}`} onClick={() => setOpen(open === c.id ? null : c.id)}>
                  {open === c.id ? '收起' : '转赠家人'}
                </Text>
              </View>
            ) : null}
            {open === c.id ? (
              <View className='mb-members'>
                {members.map((m) => (
                  <View key={m.userId} className='row' style={{ padding: '8px 0' }}>
                    <Text>
                      {m.nickname} · {RELATION_LABELS[m.relation]}
                    </Text>
                    <Text className='mb-scard__btn' id={`card-give-to-${m.userId}`} onClick={() => void give(c, m)}>
                      转给 TA
                    </Text>
                  </View>
                ))}
              </View>
            ) : null}
          </View>
        )
      })}
      <Text className='muted' style={{ display: 'block', textAlign: 'center' }}>
        预约服务时选择服务卡，每次预约核销 1 次
      </Text>
    </View>
  )
}
