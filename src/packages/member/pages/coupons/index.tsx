import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { answerFor } from '../../../../utils/answer-for'
import { Button } from '../../../../ui/nut'
import { Chip, Section, Segmented } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { CouponText, CouponTicket } from '../../components/CouponTicket'
import '../../member.scss'

const TABS = [
  { key: 'usable', label: '可使用' },
  { key: 'used', label: '已使用' },
  { key: 'expired', label: '已过期' }
] as const
type Tab = (typeof TABS)[number]['key']

const EMPTY: Record<Tab, { title: string; hint: string }> = {
  usable: { title: '暂无可用的优惠券', hint: '下方领券中心可以领取；物业发放的券也会放到这里' },
  used: { title: '还没有用过优惠券', hint: '下单或预约时选择优惠券，用过的会出现在这里' },
  expired: { title: '没有过期的优惠券', hint: '过期未用的优惠券会留在这里' }
}

/** 我的优惠券, and 领券中心 on the first tab. */
export default function CouponsPage() {
  const [tab, setTab] = useState<Tab>('usable')
  const q = useQuery(() => answerFor(tab, api.member.coupons({ status: tab })), [tab])
  const [claiming, setClaiming] = useState<string | null>(null)

  const claim = async (templateId: string) => {
    setClaiming(templateId)
    const r = await api.member.claimCoupon({ templateId })
    setClaiming(null)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '领取成功', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell id='coupons-page' query={q}>
      {(d) => {
        const data = d.value
        return (
          <>
            <Segmented<Tab> id='coupons-tab' value={tab} options={TABS.map((t) => ({ value: t.key, label: t.label }))} onChange={setTab} />
            {d.choice !== tab ? (
              <LoadingState />
            ) : (
              <>
                <View id='coupons-list'>
                  {data.coupons.length === 0 ? (
                    <EmptyState
                      {...EMPTY[tab]}
                      {...(tab !== 'usable' ? { action: { text: '看看可用的优惠券', onClick: () => setTab('usable') } } : {})}
                    />
                  ) : null}
                  {data.coupons.map((c) => (
                    <CouponTicket
                      key={c.id}
                      id={`coupon-${c.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
                      coupon={c}
                      off={tab !== 'usable'}
                      side={c.status === 'locked' ? <Chip text='待支付订单占用' tone='accent' /> : undefined}
                    />
                  ))}
                </View>
                {tab === 'usable' && data.claimable.length > 0 ? (
                  <View id='claim-center'>
                    <Text className='section-title'>领券中心</Text>
                    {data.claimable.map((t) => {
                      const done = t.claimed >= t.limit
                      const gone = t.left <= 0
                      return (
                        <Section key={t.templateId} id={`claim-${t.templateId}`}>
                          <View className='mb-claim'>
                            <View className='mb-claim__body'>
                              <CouponText title={t.title} label={t.label} scopeLabel={t.scopeLabel} validity={`${t.validityLabel} · 剩 ${t.left} 张${t.limit > 1 ? ` · 每人限 ${t.limit} 张` : ''}`} />
                            </View>
                            {done || gone ? (
                              <Chip text={done ? '已领取' : '已领完'} tone='muted' id={`claim-btn-${t.templateId}`} />
                            ) : (
                              <Button id={`claim-btn-${t.templateId}`} size='small' type='primary' loading={claiming === t.templateId} onClick={() => void claim(t.templateId)}>
                                领取
                              </Button>
                            )}
                          </View>
                        </Section>
                      )
                    })}
                  </View>
                ) : null}
              </>
            )}
          </>
        )
      }}
    </PageShell>
  )
}
