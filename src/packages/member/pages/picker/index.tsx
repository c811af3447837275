import { Text } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { api } from '../../../../client'
import { type PickRequest, type PickedCoupon, answerPick, pickRequestOf } from '../../../../services/member'
import { formatFen } from '../../../../utils/money'
import { pageLink } from '../../../../utils/link'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, CellGroup, KVList, Price } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { CouponTicket } from '../../components/CouponTicket'
import { Radio } from '../../components/Radio'
import '../../member.scss'

/** Where a choice goes when the picker was opened from a link rather than by a checkout page. */
function checkoutLink(req: PickRequest, couponId: string | null): string {
  const p = req.purchase
  const common = { couponId, communityId: req.communityId }
  return p.kind === 'presale'
    ? pageLink('/packages/presale/pages/confirm/index', { id: p.campaignId, skuId: p.skuId, quantity: p.quantity, ...common })
    : pageLink('/packages/service/pages/book/index', { lineId: p.lineId, ...common })
}

/**
 * 选择优惠券: opened by a checkout through `pickCoupon` (services/member.ts). Its link carries
 * what is being bought, by id (the server prices it), so it also opens from cold or on a reload;
 * the choice goes back to the checkout that opened it, or on to a checkout for the same purchase.
 */
export default function CouponPickerPage() {
  const { params } = useRouter()
  const [req] = useState(() => pickRequestOf(params))
  const q = useQuery(() => api.member.checkoutOptions({ purchase: req!.purchase }, req?.communityId ? { communityId: req.communityId } : {}), [], {
    // Enabled only with a request.
    enabled: req !== null,
    reloadOnShow: false
  })
  const [chosen, setChosen] = useState<string | null>(req?.couponId ?? null)
  const answered = useRef(false)

  // Leaving without choosing tells the opener to keep what it had.
  useUnload(() => {
    if (!answered.current) answerPick(null)
  })

  const finish = () => {
    if (!req) return
    const row = q.data?.coupons.find((c) => c.coupon.id === chosen && c.usable)
    const picked: PickedCoupon = row
      ? { couponId: row.coupon.id, discountFen: row.discountFen, title: row.coupon.title, label: row.coupon.label }
      : { couponId: null, discountFen: 0, title: '', label: '' }
    answered.current = true
    if (Taro.getCurrentPages().length > 1) {
      answerPick(picked)
      void Taro.navigateBack()
    } else void Taro.redirectTo({ url: checkoutLink(req, picked.couponId) })
  }

  return (
    <PageShell id='picker-page' query={q}>
      {(data) => {
        const usable = data.coupons.filter((c) => c.usable)
        const unusable = data.coupons.filter((c) => !c.usable)
        const current = usable.find((c) => c.coupon.id === chosen)
        return (
          <>
            <CellGroup>
              <KVList
                rows={[
                  { label: '订单金额', value: <Price fen={data.quote.subtotalFen} size='s' /> },
                  ...(data.quote.levelDiscountFen > 0
                    ? [{ label: `${data.quote.levelName}折扣`, value: <Text className='mb-ticket__save'>{formatFen(data.quote.levelDiscountFen, { minus: true })}</Text> }]
                    : [])
                ]}
              />
            </CellGroup>
            <CellGroup>
              <Cell id='picker-none' title='不使用优惠券' extra={<Radio on={chosen === null} />} arrow={false} onClick={() => setChosen(null)} />
            </CellGroup>
            <Text className='section-title'>可用优惠券（{usable.length}）</Text>
            {usable.length === 0 ? <EmptyState title='这笔订单暂无可用的优惠券' hint='优惠券按门槛和适用范围使用，可以在“我的优惠券”里领取' /> : null}
            {usable.map((row) => (
              <CouponTicket
                key={row.coupon.id}
                id={`pick-${row.coupon.id.replace(/[^A-Za-z0-9_-]/g, '_')}`}
                coupon={row.coupon}
                selected={chosen === row.coupon.id}
                onClick={() => setChosen(row.coupon.id)}
                side={
                  <>
                    <Text className='mb-ticket__save'>{formatFen(row.discountFen, { minus: true })}</Text>
                    <Radio on={chosen === row.coupon.id} />
                  </>
                }
              />
            ))}
            {unusable.length > 0 ? <Text className='section-title'>不可用（{unusable.length}）</Text> : null}
            {unusable.map((row) => (
              <CouponTicket key={row.coupon.id} coupon={row.coupon} off reason={row.reason} />
            ))}
            <ActionBar>
              <Text className='mb-picked' id='picker-summary'>
                {current ? `已选 1 张，优惠 ${formatFen(current.discountFen)}` : '未使用优惠券'}
              </Text>
              <Button id='picker-confirm' type='primary' onClick={finish}>
                确定
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
