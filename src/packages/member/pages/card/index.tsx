import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { benefitLabels } from '@contracts/member'
import { api } from '../../../../client'
import { formatFen } from '../../../../utils/money'
import { formatDate } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { memberLink, usePageCommunity } from '../../links'
import '../../member.scss'

const yuan = (fen: number) => formatFen(fen, { trimZeros: true })

/** 会员中心: the level, points and the way to the next level; coupons and service cards one tap away. */
export default function MemberCardPage() {
  const communityId = usePageCommunity()
  const q = useQuery(() => api.member.card(), [])
  const go = (page: 'points' | 'coupons' | 'cards') => void Taro.navigateTo({ url: memberLink(page, communityId) })

  return (
    <PageShell id='member-card' query={q}>
      {(data) => {
        const perks = benefitLabels(data.level.benefits)
        return (
          <>
            <View className={`mb-hero mb-hero--${data.level.key}`} id='member-hero'>
              <View className='mb-hero__ring' />
              <Text className='mb-hero__level' id='member-level'>
                {data.level.name}
              </Text>
              <Text className='mb-hero__sub'>
                近 12 个月消费 {yuan(data.spend12Fen)}，获得 {data.points12} 积分
              </Text>
              <View className='mb-hero__points'>
                <Text className='mb-hero__num' id='member-balance'>
                  {data.balance}
                </Text>
                <Text className='mb-hero__unit'>积分，可抵 {yuan(Math.max(0, Math.floor((data.balance * 100) / data.pointsPerYuan)))}</Text>
              </View>
              {data.next ? (
                <View className='mb-progress' id='member-progress'>
                  <View className='mb-progress__bar'>
                    <View className='mb-progress__fill' style={{ width: `${Math.round(data.next.progress * 100)}%` }} />
                  </View>
                  <Text className='mb-progress__text'>
                    再消费 {yuan(data.next.spendGapFen)} 或再获得 {data.next.pointsGap} 积分，升级为“{data.next.name}”
                  </Text>
                </View>
              ) : (
                <Text className='mb-progress__text'>你已是最高等级会员</Text>
              )}
            </View>

            {data.expiring ? (
              <Notice tone='warning' id='member-expiring'>
                {data.expiring.points} 积分将于 {formatDate(data.expiring.at)} 到期，记得在下单时抵扣
              </Notice>
            ) : null}

            <CellGroup>
              <Cell id='go-points' icon='points' title='积分明细' extra={`${data.balance} 积分`} onClick={() => go('points')} />
              <Cell id='go-coupons' icon='coupon' title='优惠券' extra={`${data.coupons} 张`} onClick={() => go('coupons')} />
              <Cell id='go-cards' icon='card' title='服务卡' extra={`${data.cards} 张`} onClick={() => go('cards')} />
            </CellGroup>

            <Section title='我的权益'>
              <View className='mb-chips'>
                {perks.length ? perks.map((p) => <Chip key={p} text={p} tone='primary' />) : <Chip text='消费即得积分，积分可抵现' tone='muted' />}
              </View>
            </Section>

            <Section title='会员等级' id='member-levels'>
              {data.levels.map((l) => {
                const benefits = benefitLabels(l.benefits)
                return (
                  <Cell
                    key={l.key}
                    title={l.name}
                    desc={
                      <View>
                        <Text className='mb-meta'>{l.minSpendFen === 0 && l.minPoints === 0 ? '注册即享' : `12 个月消费满 ${yuan(l.minSpendFen)} 或获得 ${l.minPoints} 积分`}</Text>
                        {benefits.length ? <Text className='mb-meta'>{benefits.join('、')}</Text> : null}
                      </View>
                    }
                    extra={l.key === data.level.key ? <Chip text='当前等级' tone='primary' /> : undefined}
                  />
                )
              })}
              <Text className='mb-meta'>
                缴纳物业费、社区购物都可获得积分；{data.pointsPerYuan} 积分抵 1 元，积分在获得后第 {data.expiryMonths} 个月的月底到期。
              </Text>
            </Section>
          </>
        )
      }}
    </PageShell>
  )
}
