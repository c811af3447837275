import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PICKUP_VIA_LABELS, formatPickupCode } from '@contracts/parcel-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { QrImage } from '../../../../components/QrImage'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { parcelTitle } from '../../format'
import '../../parcel.scss'

type MyParcel = OutputOf<'parcel.mine'>['waiting'][number]

function Waiting({ p, onChanged }: { p: MyParcel; onChanged: () => void }) {
  const [busy, setBusy] = useState(false)
  const ask = async () => {
    setBusy(true)
    const r = await api.parcel.requestDelivery({ parcelId: p.id })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已通知管家送货上门', icon: 'success' })
    onChanged()
  }
  return (
    <Section className='pc-card' id={`parcel-${p.id}`}>
      <View className='pc-head'>
        <Text className='pc-title'>{parcelTitle(p)}</Text>
        <Chip text='待取件' tone='accent' />
      </View>
      <Text className='pc-meta'>
        {p.householdLabel} · 货架 {p.shelf} · {formatDateTime(p.registeredAt)} 到达
      </Text>
      {p.qr ? <QrImage text={p.qr} size={320} id={`parcel-qr-${p.id}`} /> : null}
      <Text className='pc-code' id={`parcel-code-${p.id}`}>
        {formatPickupCode(p.pickupCode ?? '')}
      </Text>
      <Text className='pc-meta'>到物业前台出示二维码或报取件码即可领取</Text>
      <View className='pc-actions'>
        {p.deliveryRequestedAt !== null ? (
          <Notice tone='success' id={`parcel-delivery-${p.id}`}>
            已于 {formatDateTime(p.deliveryRequestedAt)} 申请送货上门，管家会尽快送到
          </Notice>
        ) : p.canRequestDelivery ? (
          <Button id={`parcel-deliver-${p.id}`} block type='primary' fill='outline' loading={busy} onClick={() => void ask()}>
            送货上门
          </Button>
        ) : (
          <Notice tone='info'>所在楼栋暂无网格管家送货，请到前台领取</Notice>
        )}
      </View>
    </Section>
  )
}

/** The household's parcels: what waits at the desk (code and QR, or door delivery), then what was collected. */
export default function MyParcelsPage() {
  const q = useQuery(() => api.parcel.mine({}), [])
  return (
    <PageShell
      id='parcel-mine'
      query={q}
      empty={(d) => (d.waiting.length + d.history.length === 0 ? { title: '暂无快递', hint: '快递送到物业前台登记后，会在这里显示取件码，并通过消息通知你' } : null)}
    >
      {(d) => (
        <>
          {d.waiting.length === 0 ? <Notice tone='info'>没有待领取的快递</Notice> : null}
          {d.waiting.map((p) => (
            <Waiting key={p.id} p={p} onChanged={() => void q.reload()} />
          ))}
          {d.history.length > 0 ? (
            <View className='pc-gap'>
              <CellGroup title='最近取件' id='parcel-history'>
                {d.history.map((p) => (
                  <Cell
                    key={p.id}
                    id={`parcel-history-${p.id}`}
                    icon='delivery'
                    thumb={p.photo}
                    title={parcelTitle(p)}
                    desc={`${p.householdLabel} · ${p.pickedAt ? formatDateTime(p.pickedAt) : ''} ${p.pickedVia ? PICKUP_VIA_LABELS[p.pickedVia] : ''}`}
                    extra={<Chip text='已取件' tone='muted' />}
                  />
                ))}
              </CellGroup>
            </View>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
