import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { benefitLabels } from '@contracts/member'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { MEMBER_PKG, type MemberCard, memberCard } from '../../../../services/member'
import { formatFen } from '../../../../utils/money'
import { formatDate } from '../../../../utils/time'
import '../../member.scss'

const go = (page: string) => void Taro.navigateTo({ url: `${MEMBER_PKG}/${page}/index` })

/** 会员中心: the level, points and the way to the next level; coupons and service cards one tap away. */
export default function MemberCardPage() {
  const [data, setData] = useState<MemberCard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () =>
    memberCard().then((r) => {
      if (r.ok) setData(r.data)
      else setError(r.error)
    })
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!data) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  const yuan = (fen: number) => formatFen(fen, { trimZeros: true })
  const perks = benefitLabels(data.level.benefits)
  return (
    <View className='page' id='member-card'>
      <View className={`mb-hero mb-hero--${data.level.key}`} id='member-hero'>
        <View className='mb-hero__ring' />
        <Text className='mb-hero__level' id='member-level'>
          {data.level.name}
        </Text>
        <Text className='mb-hero__sub'>近 12 个月消费 {yuan(data.spend12Fen)} · 获得 {data.points12} 积分</Text>
        <View className='mb-hero__points'>
          <Text className='mb-hero__num' id='member-balance'>
            {data.balance}
          </Text>
          <Text className='mb-hero__unit'>积分 · 可抵 {yuan(Math.max(0, Math.floor((data.balance * 100) / data.pointsPerYuan)))}</Text>
        </View>
        {data.next ? (
          <View className='mb-progress' id='member-progress'>
            <View className='mb-progress__bar'>
              <View className='mb-progress__fill' style={{ width: `${Math.round(data.next.progress * 100)}%` }} />
            </View>
            <Text className='mb-progress__text'>
              再消费 {yuan(data.next.spendGapFen)} 或再获得 {data.next.pointsGap} 积分，升级为「{data.next.name}」
            </Text>
          </View>
        ) : (
          <Text className='mb-progress__text'>你已是最高等级会员</Text>
        )}
      </View>

      {data.expiring ? (
        <Text className='mb-notice' id='member-expiring'>
          {data.expiring.points} 积分将于 {formatDate(data.expiring.at)} 到期，记得在下单时抵扣
        </Text>
      ) : null}

      <View className='mb-stats'>
        <View className='mb-stat' id='go-points' onClick={() => go('points')}>
          <Text className='mb-stat__value'>{data.balance}</Text>
          <Text className='mb-stat__label'>积分明细</Text>
        </View>
        <View className='mb-stat' id='go-coupons' onClick={() => go('coupons')}>
          <Text className='mb-stat__value'>{data.coupons}</Text>
          <Text className='mb-stat__label'>优惠券</Text>
        </View>
        <View className='mb-stat' id='go-cards' onClick={() => go('cards')}>
          <Text className='mb-stat__value'>{data.cards}</Text>
          <Text className='mb-stat__label'>服务卡</Text>
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>我的权益</Text>
        <View className='mb-chips'>
          {perks.length ? perks.map((p) => <Text key={p} className='mb-chip'>{p}</Text>) : <Text className='mb-chip mb-chip--muted'>消费即得积分，积分可抵现</Text>}
        </View>
      </View>

      <View className='card' id='member-levels'>
        <Text className='section-title'>会员等级</Text>
        {data.levels.map((l) => (
          <View key={l.key} className={`mb-level ${l.key === data.level.key ? 'mb-level--on' : ''}`}>
            <View>
              <Text className='mb-level__name'>{l.name}</Text>
              <Text className='mb-level__need'>
                {l.minSpendFen === 0 && l.minPoints === 0 ? '注册即享' : `12 个月消费满 ${yuan(l.minSpendFen)} 或获得 ${l.minPoints} 积分`}
              </Text>
            </View>
            <View className='mb-chips' style={{ justifyContent: 'flex-end', maxWidth: '45%' }}>
              {benefitLabels(l.benefits).map((p) => (
                <Text key={p} className='mb-chip'>
                  {p}
                </Text>
              ))}
            </View>
          </View>
        ))}
        <Text className='muted' style={{ display: 'block', marginTop: '12px' }}>
          缴纳物业费、社区购物都可获得积分；{data.pointsPerYuan} 积分抵 1 元，积分在获得后第 {data.expiryMonths} 个月的月底到期。
        </Text>
      </View>
    </View>
  )
}
