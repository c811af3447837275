import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatOrderCode } from '@contracts/order'
import { type Delivered, scanOrderCode, verifyPickup } from '../../../../services/order'
import { formatDateTime } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../../presale/presale.scss'

/** Pickup point verification: the resident shows the order code; scan it (WeChat) or type it. */
export default function VerifyPage() {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Delivered[]>([])
  const [message, setMessage] = useState('')

  const verify = async (value: string) => {
    if (!value.trim()) return
    setBusy(true)
    const r = await verifyPickup(value)
    setBusy(false)
    if (!r.ok) return setMessage(r.error.message)
    setMessage('')
    setCode('')
    setDone([r.data, ...done])
  }
  const scan = async () => {
    const value = await scanOrderCode()
    if (value) await verify(value)
  }

  return (
    <View className='page' id='presale-verify'>
      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          自提核销
        </Text>
        <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>
          住户在「我的订单」中出示订单码；核销后订单即完成交付，同一订单码只能核销一次。
        </Text>
        <View className='ps-input'>
          <Input id='verify-code' value={code} maxLength={9} placeholder='8 位订单码' onChange={(v: string) => setCode(v)} />
        </View>
        {message ? (
          <Text className='field-error' id='verify-error'>
            {message}
          </Text>
        ) : null}
        <View className='ps-buttons'>
          <Button id='verify-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void verify(code)}>
            核销
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn-block' block fill='outline' type='primary' onClick={() => void scan()}>
              扫码核销
            </Button>
          ) : null}
        </View>
      </View>
      {done.length ? (
        <View className='card' id='verify-done'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            本次已核销
          </Text>
          {done.map((d) => (
            <View key={d.orderId} className='ps-table-row'>
              <View className='ps-table-row__main'>
                <Text style={{ display: 'block' }}>
                  {d.householdLabel} · {d.productName} {d.skuName} ×{d.quantity}
                </Text>
                <Text className='muted'>
                  {formatOrderCode(d.code)} · {formatDateTime(d.deliveredAt)}
                </Text>
              </View>
              <Text className='ps-status'>已核销</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
