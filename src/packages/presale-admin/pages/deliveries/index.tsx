import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Deliveries, type Delivered, PRESALE_ADMIN_PKG, PRESALE_PKG, deliver, deliveries, scanOrderCode } from '../../../../services/order'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { OrderBadge, remainingText, useNow } from '../../../presale/ui'
import '../../../presale/presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * The butler's pre-sale desk: campaigns on sale to share into groups, and the delivery list of
 * their grid per building. An order is handed over by scanning (WeChat) or typing its code.
 */
export default function DeliveriesPage() {
  const [data, setData] = useState<Deliveries | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: true; d: Delivered } | { ok: false; message: string } | null>(null)
  const now = useNow()

  const load = async () => {
    const r = await deliveries()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())

  const handOver = async (value: string) => {
    if (!value.trim()) return
    setBusy(true)
    const r = await deliver(value)
    setBusy(false)
    if (!r.ok) return setResult({ ok: false, message: r.error.message })
    setResult({ ok: true, d: r.data })
    setCode('')
    void load()
  }

  const scan = async () => {
    const value = await scanOrderCode()
    if (value) await handOver(value)
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  return (
    <View className='page' id='presale-deliveries'>
      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          送达确认
        </Text>
        <Text className='muted' style={{ display: 'block', marginBottom: '16px' }}>
          请住户出示订单详情里的订单码，扫码或输入 8 位订单码
        </Text>
        <View className='row' style={{ gap: '16px' }}>
          <View className='ps-input' style={{ flex: 1 }}>
            <Input id='deliver-code' value={code} maxLength={9} placeholder='例如 K7QF-2M9X' onChange={(v: string) => setCode(v)} />
          </View>
          <Button id='deliver-submit' type='primary' loading={busy} onClick={() => void handOver(code)}>
            确认送达
          </Button>
        </View>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button className='btn-block' block fill='outline' type='primary' onClick={() => void scan()}>
            扫码送达
          </Button>
        ) : null}
        {result ? (
          <View className={`ps-notice ${result.ok ? 'ps-notice--ok' : ''}`} style={{ margin: '24px 0 0' }} id='deliver-result'>
            <Text>{result.ok ? `已送达：${result.d.householdLabel} · ${result.d.productName} ${result.d.skuName} ×${result.d.quantity}` : result.message}</Text>
          </View>
        ) : null}
      </View>

      <Text className='section-title'>配送清单</Text>
      {data.tasks.length === 0 ? <StateView empty='暂无成团待配送的订单' /> : null}
      {data.tasks.map((t) => (
        <View key={t.id} className='card' id={`task-${t.id}`}>
          <View className='row'>
            <Text className='ps-card__title'>{t.campaignTitle}</Text>
            <Text className={`ps-status ${t.delivered === t.orders ? 'ps-status--mute' : 'ps-status--warn'}`} id={`task-progress-${t.campaignId}`}>
              已送 {t.delivered}/{t.orders}
            </Text>
          </View>
          <Text className='ps-card__meta'>
            {t.gridName} · {formatDate(t.deliveryDate)} 配送
          </Text>
          {t.buildings.map((b) => (
            <View key={b.buildingId}>
              <Text className='ps-building'>
                {b.buildingName}（{b.orders.length} 户）
              </Text>
              {b.orders.map((o) => (
                <View key={o.id} className='ps-table-row' id={`delivery-${o.id}`}>
                  <View className='ps-table-row__main'>
                    <Text style={{ display: 'block' }}>{o.householdLabel}</Text>
                    <Text className='muted'>
                      {o.skuName} ×{o.quantity}
                      {o.deliveredAt ? ` · ${formatDateTime(o.deliveredAt)}` : ''}
                    </Text>
                  </View>
                  <OrderBadge status={o.status} />
                </View>
              ))}
            </View>
          ))}
        </View>
      ))}

      <Text className='section-title'>正在预售 · 分享给邻居</Text>
      {data.live.length === 0 ? <StateView empty='暂无进行中的预售' /> : null}
      {data.live.map((c) => (
        <View key={c.id} className='card' id={`live-${c.id}`}>
          <View className='row'>
            <Text className='ps-card__title'>{c.title}</Text>
            <Text className='ps-countdown'>{remainingText(c.endAt - now)}</Text>
          </View>
          <View className='ps-actions'>
            <Button size='small' fill='outline' type='primary' onClick={() => go(`${PRESALE_ADMIN_PKG}/poster/index?id=${c.id}`)}>
              海报
            </Button>
            <Button size='small' type='primary' id={`share-${c.id}`} onClick={() => go(`${PRESALE_PKG}/detail/index?id=${c.id}`)}>
              分享到群
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
