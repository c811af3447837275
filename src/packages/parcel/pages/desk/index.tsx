import { View } from '@tarojs/components'
import { useState } from 'react'
import { PARCEL_QR_PREFIX, PICKUP_CODE_LENGTH, formatPickupCode } from '@contracts/parcel-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { CodeEntry } from '../../../../components/CodeEntry'
import { scanText } from '../../../../services/scan'
import { formatDateTime } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Notice, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { parcelTitle } from '../../format'
import '../../parcel.scss'

type Parcel = OutputOf<'parcel.pickup'>

/** The resident's QR holds a long token; a typed code is six digits, spaced or not. */
const keepTyped = (v: string) => (v.startsWith(PARCEL_QR_PREFIX) ? v : v.replace(/[^0-9 ]/g, ''))

/**
 * The front desk's pickup on the phone: scan the resident's QR (WeChat) or type the code they
 * read out; the parcel leaves the shelf once. Below, what is on the shelf, oldest first.
 */
export default function ParcelDeskPage() {
  const q = useQuery(() => api.parcel.list({ filter: 'waiting' }), [])
  const [done, setDone] = useState<Parcel[]>([])
  const [message, setMessage] = useState('')

  const pick = async (value: string) => {
    const r = await api.parcel.pickup({ code: value })
    if (!r.ok) {
      setMessage(r.error.fields?.[0]?.message ?? r.error.message)
      return false
    }
    setMessage('')
    setDone((prev) => [r.data, ...prev])
    void q.reload()
    return true
  }

  return (
    <PageShell id='parcel-desk' query={q}>
      {(d) => (
        <>
          <StatGrid
            columns={4}
            items={[
              { label: '在架', value: d.counts.waiting, id: 'parcel-waiting-count' },
              { label: '超 3 天', value: d.counts.overdue, tone: d.counts.overdue ? 'danger' : 'default' },
              { label: '今日登记', value: d.counts.registeredToday },
              { label: '今日取件', value: d.counts.pickedToday, tone: 'primary' }
            ]}
          />
          <Section title='取件核销'>
            <CodeEntry
              id='parcel-pickup'
              text={{ label: '取件码', hint: '扫描住户「我的快递」中的二维码，或输入住户报的 6 位取件码；每个包裹只能取一次', placeholder: '6 位数字，如 123 456', scan: '扫码取件', submit: '确认取件' }}
              error={message || undefined}
              maxLength={80}
              normalize={keepTyped}
              scan={() => scanText(['qrCode'])}
              submit={pick}
            />
          </Section>
          {done.length ? (
            <CellGroup title='本次已取件' id='parcel-done'>
              {done.map((p) => (
                <Cell
                  key={p.id}
                  id={`parcel-done-${p.id}`}
                  icon='delivery'
                  thumb={p.photo}
                  title={`${p.householdLabel} · ${parcelTitle(p)}`}
                  desc={`货架 ${p.shelf} · ${p.pickedAt ? formatDateTime(p.pickedAt) : ''}`}
                  extra={<Chip text='已取件' tone='primary' />}
                />
              ))}
            </CellGroup>
          ) : null}
          <View className='pc-gap'>
            {d.items.length === 0 ? (
              <Notice tone='info'>货架上没有待取的快递</Notice>
            ) : (
              <CellGroup title='在架快递（先到的在前）' id='parcel-shelf'>
                {d.items.map((p) => (
                  <Cell
                    key={p.id}
                    id={`parcel-shelf-${p.id}`}
                    icon='delivery'
                    thumb={p.photo}
                    title={`${p.householdLabel} · ${parcelTitle(p)}`}
                    desc={`货架 ${p.shelf} · 取件码 ${p.pickupCode.length === PICKUP_CODE_LENGTH ? formatPickupCode(p.pickupCode) : p.pickupCode}${p.deliveryButlerName ? ` · 待${p.deliveryButlerName}送货上门` : ''}`}
                    extra={<Chip text={p.daysHeld ? `${p.daysHeld} 天` : '今天'} tone={p.daysHeld > 3 ? 'danger' : 'muted'} />}
                  />
                ))}
              </CellGroup>
            )}
          </View>
        </>
      )}
    </PageShell>
  )
}
