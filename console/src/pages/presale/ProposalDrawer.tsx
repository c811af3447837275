import { Drawer, Table, Tag } from 'tdesign-react'
import { PROPOSAL_STATUS_LABELS, RESERVATION_STATE_LABELS } from '@contracts/proposal'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

const RESERVATION_THEMES = { none: 'default', pending: 'warning', paid: 'success', lapsed: 'danger', unreserved: 'danger' } as const

/** One proposal from demand to orders: who registered, what the pre-sale reserved, what was paid. */
export function ProposalDrawer({ proposalId, onClose }: { proposalId: string; onClose: () => void }) {
  const q = useQuery(() => api.order.proposalBoard({ id: proposalId }), [proposalId])
  return (
    <Drawer visible size='860px' header={q.data ? `${q.data.proposal.title} · 意向看板` : '意向看板'} footer={false} onClose={onClose}>
      <PageShell query={q}>
        {(d) => {
          const p = d.proposal
          const f = d.funnel
          return (
            <div className='stack'>
              <div className='stats stats--six' id='proposal-funnel'>
                <Stat label='状态' value={PROPOSAL_STATUS_LABELS[p.status]} small />
                <Stat label='登记' value={`${f.registeredHouseholds} 户 ${f.registeredQuantity} ${p.unit}`} small />
                <Stat label='成团数量' value={`${p.threshold} ${p.unit}`} small />
                <Stat label='预留' value={d.campaign ? `${f.reservedOrders} 单 ${f.reservedQuantity} ${p.unit}` : '未转预售'} small />
                <Stat label='付款确认率' value={f.confirmRate !== null ? `${f.confirmRate}%` : '—'} small />
                <Stat label='预售实收' value={d.campaign ? formatFen(f.paidFen) : '—'} small />
              </div>
              {d.campaign ? (
                <div className='muted' id='proposal-campaign'>
                  转为预售「{d.campaign.title}」（{d.campaign.statusLabel}）：预留 {f.reservedOrders} 单中已付 {f.reservedPaidOrders} 单；全部已付 {f.paidOrders} 单 {f.paidQuantity} {p.unit}，来自 {f.paidHouseholds} 户
                  {f.paidOrders > f.reservedPaidOrders ? `，其中 ${f.paidOrders - f.reservedPaidOrders} 单不是预留` : ''}
                </div>
              ) : (
                <div className='muted'>征集截止 {formatDateTime(p.closesAt)}；达到成团数量后可在列表中「转为预售」。</div>
              )}
              <div className='section-head'>
                <h4 className='section-title'>登记明细</h4>
                <ExportButtons
                  id='export-proposal-registrations'
                  fileName={`${p.title}-登记明细`}
                  header={['房屋', '数量', '登记时间', '预留']}
                  rows={() => d.registrations.map((r) => [r.householdLabel, r.quantity, formatDateTime(r.at), RESERVATION_STATE_LABELS[r.reservation]])}
                />
              </div>
              <Table
                className='proposal-registrations'
                rowKey='householdLabel'
                size='small'
                data={d.registrations}
                empty='还没有住户登记'
                columns={[
                  { colKey: 'householdLabel', title: '房屋' },
                  { colKey: 'quantity', title: '数量', align: 'right', width: 90, cell: ({ row }) => `${row.quantity} ${p.unit}` },
                  { colKey: 'at', title: '登记时间', width: 170, cell: ({ row }) => formatDateTime(row.at) },
                  { colKey: 'reservation', title: '预留', width: 140, cell: ({ row }) => (row.reservation === 'none' ? '—' : <Tag theme={RESERVATION_THEMES[row.reservation]} variant='light'>{RESERVATION_STATE_LABELS[row.reservation]}</Tag>) }
                ]}
              />
            </div>
          )
        }}
      </PageShell>
    </Drawer>
  )
}
