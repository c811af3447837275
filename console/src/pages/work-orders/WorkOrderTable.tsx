import { Button, Table, Tag } from 'tdesign-react'
import { WORK_STATUS_LABELS, type WorkOrderViewT } from '@contracts/desk-work'
import { formatDateTime } from '../../../../src/utils/time'
import { STATUS_THEMES, StageTags } from './stage-tags'

/** Work orders as the desk reads them: number, home, what, from where, who has it, and each SLA timer. */
export function WorkOrderTable({ rows, now, loading, empty, onOpen }: { rows: readonly WorkOrderViewT[]; now: number; loading?: boolean; empty: string; onOpen: (wo: WorkOrderViewT) => void }) {
  return (
    <Table
      className='wo-table'
      rowKey='id'
      data={[...rows]}
      loading={loading}
      empty={empty}
      rowClassName={({ row }) => (row.breached && (row.status === 'open' || row.status === 'accepted' || row.status === 'arrived') ? 'wo-row--breached' : '')}
      columns={[
        { colKey: 'no', title: '工单号', width: 130 },
        { colKey: 'createdAt', title: '登记时间', width: 140, cell: ({ row }) => formatDateTime(row.createdAt) },
        { colKey: 'householdLabel', title: '房屋', width: 100 },
        { colKey: 'typeLabel', title: '类型', width: 90 },
        { colKey: 'text', title: '情况', ellipsis: true, minWidth: 180 },
        { colKey: 'channelLabel', title: '来源', width: 90 },
        { colKey: 'assignee', title: '处理人', width: 90, cell: ({ row }) => row.assignee?.name ?? <span className='muted'>待派单</span> },
        { colKey: 'status', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATUS_THEMES[row.status]} variant='light'>{WORK_STATUS_LABELS[row.status]}</Tag> },
        { colKey: 'stages', title: 'SLA', width: 250, cell: ({ row }) => <StageTags stages={row.stages} now={now} /> },
        {
          colKey: 'op',
          title: '操作',
          width: 70,
          cell: ({ row }) => (
            <Button className='wo-open' variant='text' theme='primary' onClick={() => onOpen(row)}>
              详情
            </Button>
          )
        }
      ]}
    />
  )
}
