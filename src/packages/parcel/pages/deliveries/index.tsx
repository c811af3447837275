import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { ButtonRow, Cell, CellGroup, Chip, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { parcelTitle } from '../../format'
import '../../parcel.scss'

type Parcel = OutputOf<'parcel.deliveries'>['pending'][number]

function Pending({ p, onDone }: { p: Parcel; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const deliver = async () => {
    setBusy(true)
    const r = await api.parcel.deliver({ parcelId: p.id })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已送达', icon: 'success' })
    onDone()
  }
  return (
    <Section id={`delivery-${p.id}`} title={p.householdLabel} extra={<Chip text={`货架 ${p.shelf}`} tone='accent' />}>
      <Cell icon='delivery' thumb={p.photo} title={parcelTitle(p)} desc={`${p.deliveryRequestedAt ? formatDateTime(p.deliveryRequestedAt) : ''} 申请送货上门`} />
      <ButtonRow>
        <Button id={`delivered-${p.id}`} type='primary' loading={busy} onClick={() => void deliver()}>
          已送达
        </Button>
      </ButtonRow>
    </Section>
  )
}

/** The butler's door deliveries: fetch from the desk's shelf, bring up, mark delivered (the parcel's one pickup). */
export default function ParcelDeliveriesPage() {
  const q = useQuery(() => api.parcel.deliveries({}), [])
  return (
    <PageShell
      id='parcel-deliveries'
      query={q}
      empty={(d) => (d.pending.length + d.deliveredToday.length === 0 ? { title: '暂无待送的快递', hint: '住户在「我的快递」中申请送货上门后，会出现在这里和今日任务中' } : null)}
    >
      {(d) => (
        <>
          <Text className='section-title'>待送上门（{d.pending.length}）</Text>
          {d.pending.map((p) => (
            <Pending key={p.id} p={p} onDone={() => void q.reload()} />
          ))}
          {d.deliveredToday.length > 0 ? (
            <View className='pc-gap'>
              <CellGroup title='今日已送达' id='parcel-delivered'>
                {d.deliveredToday.map((p) => (
                  <Cell
                    key={p.id}
                    id={`delivered-row-${p.id}`}
                    icon='delivery'
                    title={`${p.householdLabel} · ${parcelTitle(p)}`}
                    desc={p.pickedAt ? formatDateTime(p.pickedAt) : ''}
                    extra={<Chip text='已送达' tone='primary' />}
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
