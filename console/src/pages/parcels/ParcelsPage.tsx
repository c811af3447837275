import { useState } from 'react'
import { Card, Radio, Table, Tag } from 'tdesign-react'
import { type ListFilter, LIST_FILTERS, type ParcelViewT } from '@contracts/parcel'
import { COURIER_LABELS, PARCEL_REMIND_AFTER_DAYS, PICKUP_VIA_LABELS, formatPickupCode } from '@contracts/parcel-labels'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { PickupCard } from './PickupCard'
import { RegisterCard } from './RegisterCard'

const FILTER_LABELS: Record<ListFilter, string> = { waiting: '在架待取', today: '今日登记', picked: '今日取件' }

function statusTag(p: ParcelViewT) {
  if (p.status === 'picked') return <Tag variant='light'>已取件 · {PICKUP_VIA_LABELS[p.pickedVia ?? 'code']}</Tag>
  if (p.deliveryRequestedAt !== null) return <Tag theme='primary' variant='light'>待送上门</Tag>
  return p.daysHeld > PARCEL_REMIND_AFTER_DAYS ? <Tag theme='danger' variant='light'>超期 {p.daysHeld} 天</Tag> : <Tag theme='warning' variant='light'>待取件</Tag>
}

/** 快递代收 at the front desk: register what couriers leave, hand parcels over, and watch the shelf. */
export function ParcelsPage() {
  const { community } = useConsole()
  const [filter, setFilter] = useState<ListFilter>('waiting')
  const q = useQuery(() => api.parcel.list({ filter }), [community.id, filter])
  const reload = () => void q.reload()

  return (
    <div className='parcels-page'>
      <div className='parcels-page__forms'>
        <RegisterCard onRegistered={reload} />
        <PickupCard onPicked={reload} />
      </div>
      <PageShell query={q}>
        {(d) => (
          <Card
            bordered={false}
            title='快递列表'
            actions={
              <ExportButtons
                id='export-parcels'
                fileName={`${community.name}-快递-${FILTER_LABELS[filter]}`}
                header={['登记时间', '房屋', '快递公司', '单号', '货架', '取件码', '状态', '登记人', '取件时间', '经手人']}
                rows={() =>
                  d.items.map((p) => [
                    formatDateTime(p.registeredAt),
                    p.householdLabel,
                    COURIER_LABELS[p.courier],
                    p.trackingNo,
                    p.shelf,
                    p.pickupCode,
                    p.status === 'picked' ? '已取件' : '待取件',
                    p.registeredByName,
                    p.pickedAt ? formatDateTime(p.pickedAt) : '',
                    p.pickedByName ?? ''
                  ])
                }
              />
            }
          >
            <div className='stats'>
              <Stat label='在架' value={`${d.counts.waiting} 件`} />
              <Stat label={`超过 ${PARCEL_REMIND_AFTER_DAYS} 天`} value={`${d.counts.overdue} 件`} />
              <Stat label='今日登记' value={`${d.counts.registeredToday} 件`} />
              <Stat label='今日取件' value={`${d.counts.pickedToday} 件`} />
            </div>
            <div className='toolbar'>
              <Radio.Group variant='default-filled' value={filter} onChange={(v) => setFilter(LIST_FILTERS.find((f) => f === v) ?? 'waiting')}>
                {LIST_FILTERS.map((f) => (
                  <Radio.Button key={f} value={f}>
                    {FILTER_LABELS[f]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </div>
            <Table
              className='parcels-table'
              rowKey='id'
              data={d.items}
              loading={q.refreshing}
              empty={filter === 'waiting' ? '货架上没有待取的快递' : '这一天还没有'}
              columns={[
                { colKey: 'registeredAt', title: '登记时间', width: 150, cell: ({ row }) => formatDateTime(row.registeredAt) },
                { colKey: 'householdLabel', title: '房屋', width: 110 },
                { colKey: 'courier', title: '快递', width: 90, cell: ({ row }) => COURIER_LABELS[row.courier] },
                { colKey: 'trackingNo', title: '单号', ellipsis: true },
                { colKey: 'shelf', title: '货架', width: 80 },
                { colKey: 'pickupCode', title: '取件码', width: 100, cell: ({ row }) => formatPickupCode(row.pickupCode) },
                { colKey: 'photo', title: '照片', width: 70, cell: ({ row }) => (row.photo ? <PhotoThumb id={row.photo} size={32} alt='包裹照片' /> : '—') },
                { colKey: 'status', title: '状态', width: 130, cell: ({ row }) => statusTag(row) },
                {
                  colKey: 'pickedAt',
                  title: '取件',
                  width: 190,
                  cell: ({ row }) => (row.pickedAt ? `${formatDateTime(row.pickedAt)} · ${row.pickedByName ?? ''}` : row.deliveryButlerName ? `待${row.deliveryButlerName}送上门` : '—')
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
    </div>
  )
}
