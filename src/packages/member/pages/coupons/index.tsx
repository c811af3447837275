import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { claimCoupon, type Wallet, wallet } from '../../../../services/member'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { CouponTicket } from '../../components/CouponTicket'
import '../../member.scss'

const TABS = [
  { key: 'usable', label: '可使用' },
  { key: 'used', label: '已使用' },
  { key: 'expired', label: '已过期' }
] as const
type Tab = (typeof TABS)[number]['key']

/** 我的优惠券, and 领券中心 on the first tab. */
export default function CouponsPage() {
  const [tab, setTab] = useState<Tab>('usable')
  const [data, setData] = useState<Wallet | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [claiming, setClaiming] = useState<string | null>(null)

  const load = async (which: Tab = tab) => {
    const r = await wallet(which)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())

  const claim = async (templateId: string) => {
    setClaiming(templateId)
    const r = await claimCoupon(templateId)
    setClaiming(null)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '领取成功', icon: 'success' })
    void load('usable')
  }

  return (
    <View className='page' id='coupons-page'>
      <View className='mb-tabs'>
        {TABS.map((t) => (
          <Text
            key={t.key}
            id={`coupons-tab-${t.key}`}
            className={`mb-tab ${tab === t.key ? 'mb-tab--on' : ''}`}
            onClick={() => {
              setTab(t.key)
              setData(null)
              void load(t.key)
            }}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {!data ? <StateView loading={!error} error={error} onRetry={() => void load()} /> : null}
      {data ? (
        <View id='coupons-list'>
          {data.coupons.length === 0 ? (
            <View className='card'>
              <StateView empty={tab === 'usable' ? '暂无可用的优惠券，去下方领一张吧' : tab === 'used' ? '还没有用过优惠券' : '没有过期的优惠券'} />
            </View>
          ) : null}
          {data.coupons.map((c) => (
            <CouponTicket
              key={c.id}
              id={`coupon-${c.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
              coupon={c}
              off={tab !== 'usable'}
              side={c.status === 'locked' ? <Text className='badge badge--accent'>待支付</Text> : undefined}
            />
          ))}
        </View>
      ) : null}
      {data && tab === 'usable' && data.claimable.length > 0 ? (
        <View id='claim-center'>
          <Text className='section-title'>领券中心</Text>
          {data.claimable.map((t) => {
            const done = t.claimed >= t.limit
            const gone = t.left <= 0
            return (
              <View key={t.templateId} className='card' id={`claim-${t.templateId}`}>
                <View className='row'>
                  <View style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
                    <Text className='mb-ticket__title'>{t.title}</Text>
                    <Text className='mb-ticket__line'>
                      {t.label} · {t.scopeLabel}
                    </Text>
                    <Text className='mb-ticket__line'>
                      {t.validityLabel} · 剩 {t.left} 张{t.limit > 1 ? ` · 每人限 ${t.limit} 张` : ''}
                    </Text>
                  </View>
                  {done || gone ? (
                    <Text className='mb-chip mb-chip--muted' id={`claim-btn-${t.templateId}`}>
                      {done ? '已领取' : '已领完'}
                    </Text>
                  ) : (
                    <Button id={`claim-btn-${t.templateId}`} size='small' type='primary' loading={claiming === t.templateId} onClick={() => void claim(t.templateId)}>
                      领取
                    </Button>
                  )}
                </View>
              </View>
            )
          })}
        </View>
      ) : null}
    </View>
  )
}
