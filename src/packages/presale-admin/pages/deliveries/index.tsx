import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { CodeEntry } from '../../../../components/CodeEntry'
import { scanOrderCode } from '../../../../services/order'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, Chip, Notice, Section } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { OrderChip } from '../../../presale/components/StatusChip'
import { remainingText } from '../../../presale/format'
import { useHere } from '../../../presale/here'
import { presaleAdminLink, presaleLink } from '../../../presale/links'
import type { Delivered } from '../../../presale/types'
import { useNow } from '../../../presale/use-now'
import '../../../presale/presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * The butler's pre-sale desk: the delivery list of their grid per building, and campaigns on sale
 * to share into groups. An order is handed over by scanning (WeChat) or typing its code.
 */
export default function DeliveriesPage() {
  const { communityId } = useHere()
  const q = useQuery(() => api.order.deliveries(), [])
  const [result, setResult] = useState<{ ok: true; d: Delivered } | { ok: false; message: string } | null>(null)
  const now = useNow()

  const handOver = async (value: string) => {
    if (!value.trim()) {
      setResult({ ok: false, message: '请输入住户出示的 8 位订单码' })
      return false
    }
    const r = await api.order.deliver({ code: value })
    if (!r.ok) {
      setResult({ ok: false, message: r.error.message })
      return false
    }
    setResult({ ok: true, d: r.data })
    void q.reload()
    return true
  }

  return (
    <PageShell id='presale-deliveries' query={q}>
      {(data) => (
        <>
          <Section title='送达确认'>
            <CodeEntry
              id='deliver'
              text={{ label: '订单码', hint: '请住户打开订单详情出示订单码，扫码或输入 8 位订单码', placeholder: '例如 K7QF-2M9X', scan: '扫码送达', submit: '确认送达' }}
              maxLength={9}
              scan={scanOrderCode}
              submit={handOver}
            />
            {result ? (
              <View style={{ marginTop: '24px' }}>
                <Notice tone={result.ok ? 'success' : 'danger'} id='deliver-result'>
                  {result.ok ? `已送达：${result.d.householdLabel} · ${result.d.productName} ${result.d.skuName} ×${result.d.quantity}` : result.message}
                </Notice>
              </View>
            ) : null}
          </Section>

          <Text className='section-title'>配送清单</Text>
          {data.tasks.length === 0 ? <EmptyState title='暂无待配送的订单' hint='预售成团后，本网格要送的订单会按楼栋列在这里' /> : null}
          {data.tasks.map((t) => (
            <Section
              key={t.id}
              id={`task-${t.id}`}
              title={t.campaignTitle}
              extra={<Chip text={`已送 ${t.delivered}/${t.orders}`} tone={t.delivered === t.orders ? 'muted' : 'accent'} id={`task-progress-${t.campaignId}`} />}
            >
              <Cell thumb={t.productPhoto} icon='store' title={t.productName} desc={`${t.gridName} · ${formatDate(t.deliveryDate)} 配送`} />
              {t.buildings.map((b) => (
                <View key={b.buildingId}>
                  <Text className='ps-building'>
                    {b.buildingName}（{b.orders.length} 户）
                  </Text>
                  {b.orders.map((o) => (
                    <Cell
                      key={o.id}
                      id={`delivery-${o.id}`}
                      title={o.householdLabel}
                      desc={
                        <View>
                          <Text className='ps-meta'>
                            {o.skuName} ×{o.quantity}
                          </Text>
                          {o.deliveredAt ? <Text className='ps-meta'>{formatDateTime(o.deliveredAt)} 送达</Text> : null}
                        </View>
                      }
                      extra={<OrderChip status={o.status} />}
                    />
                  ))}
                </View>
              ))}
            </Section>
          ))}

          <Text className='section-title'>正在预售 · 分享给邻居</Text>
          {data.live.length === 0 ? <EmptyState title='暂无进行中的预售' hint='物业发布预售后，可以在这里生成分享卡片和海报' /> : null}
          {data.live.map((c) => (
            <Section key={c.id} id={`live-${c.id}`}>
              <Cell thumb={c.cover} icon='store' title={c.title} desc={<Text className='ps-countdown'>距截止 {remainingText(c.endAt - now)}</Text>} />
              <ButtonRow>
                <Button id={`poster-${c.id}`} fill='outline' type='primary' onClick={() => go(presaleAdminLink('poster', communityId, { id: c.id }))}>
                  生成海报
                </Button>
                <Button id={`share-${c.id}`} type='primary' onClick={() => go(presaleLink('detail', communityId, { id: c.id }))}>
                  分享到群
                </Button>
              </ButtonRow>
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
