import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { CouponViewT } from '@contracts/member'
import { formatFen } from '../../../utils/money'
import { formatDate } from '../../../utils/time'

/** What a coupon (or a template in the claim centre) is: its title, what it takes off and where it applies, then its validity. */
export function CouponText(props: { title: string; label: string; scopeLabel: string; validity: string }) {
  return (
    <>
      <Text className='mb-ticket__title'>{props.title}</Text>
      <Text className='mb-ticket__line'>
        {props.label} · {props.scopeLabel}
      </Text>
      <Text className='mb-ticket__line'>{props.validity}</Text>
    </>
  )
}

/** A coupon drawn as a ticket: its value on the left, what it is and until when on the right. */
export function CouponTicket(props: { coupon: CouponViewT; off?: boolean; selected?: boolean; reason?: string | null; side?: ReactNode; onClick?: () => void; id?: string }) {
  const c = props.coupon
  const percent = c.kind === 'percent'
  const cond =
    c.minSpendFen > 0
      ? `满${formatFen(c.minSpendFen, { symbol: false, trimZeros: true })}元可用`
      : percent && c.capFen > 0
        ? `最高减${formatFen(c.capFen, { symbol: false, trimZeros: true })}元`
        : '无门槛'
  return (
    <View id={props.id} className={`mb-ticket${props.off ? ' mb-ticket--off' : ''}${props.selected ? ' mb-ticket--on' : ''}`} onClick={props.onClick}>
      <View className='mb-ticket__value'>
        {percent ? (
          <Text className='mb-ticket__amount'>
            {((100 - c.percentOff) / 10).toString()}
            <Text className='mb-ticket__small'>折</Text>
          </Text>
        ) : (
          <Text className='mb-ticket__amount'>
            <Text className='mb-ticket__small'>¥</Text>
            {formatFen(c.valueFen, { symbol: false, trimZeros: true })}
          </Text>
        )}
        <Text className='mb-ticket__cond'>{cond}</Text>
      </View>
      <View className='mb-ticket__body'>
        <CouponText
          title={c.title}
          label={c.label}
          scopeLabel={c.scopeLabel}
          validity={`${c.status === 'used' && c.usedAt ? `${formatDate(c.usedAt)} 已使用` : `${formatDate(c.validTo)} 前有效`} · ${c.sourceLabel}`}
        />
        {props.reason ? <Text className='mb-ticket__reason'>{props.reason}</Text> : null}
      </View>
      {props.side ? <View className='mb-ticket__side'>{props.side}</View> : null}
    </View>
  )
}
