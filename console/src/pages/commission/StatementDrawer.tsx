import { useState } from 'react'
import { Button, Drawer, MessagePlugin, Popconfirm, Space, Table, Tag } from 'tdesign-react'
import { COMMISSION_TOUCH_LABELS, ENTRY_KIND_LABELS, STATEMENT_STATUS_LABELS } from '@contracts/selling-labels'
import { formatFen } from '../../../../src/utils/money'
import { formatDate, formatDateTime, monthLabel } from '../../../../src/utils/time'
import { newRequestId } from '../../../../src/client/core/request-id'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { STATEMENT_THEMES } from './statement-themes'

/** One statement: its totals and every line (orders, refunds, remainders, the carry from last month). */
export function StatementDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const q = useQuery(() => api.selling.statement({ id }), [id])
  const [paying, setPaying] = useState(false)
  // One key per attempt: a double click resends it; a finished attempt (a refusal, a failed transfer) takes a new one.
  const [requestId, setRequestId] = useState(newRequestId)

  /** Approval pays at once through WeChat 商家转账; the butler then confirms receipt in WeChat. */
  const payout = async (action: 'approveStatement' | 'retryPayout') => {
    setPaying(true)
    const res = action === 'approveStatement' ? await api.selling.approveStatement({ id, clientRequestId: requestId }) : await api.selling.retryPayout({ id, clientRequestId: requestId })
    setPaying(false)
    if (res.ok || res.error.code !== 'TRANSPORT.FAILED') setRequestId(newRequestId())
    void q.reload()
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    if (res.data.status === 'failed') return void MessagePlugin.warning(`打款未成功：${res.data.failReason ?? '请稍后重试'}`)
    void MessagePlugin.success(res.data.status === 'paid' ? '已打款到账' : '已发起微信转账，等管家在小程序里确认收款后到账')
  }

  return (
    <Drawer visible size='820px' header={q.data ? `${q.data.butlerName} · ${monthLabel(q.data.month)}佣金结算单` : '佣金结算单'} footer={false} onClose={onClose}>
      <PageShell query={q}>
        {(s) => (
          <div className='stack'>
            <div className='section-head'>
              <span>
                <Tag className='statement-status' theme={STATEMENT_THEMES[s.status]} variant='light'>
                  {STATEMENT_STATUS_LABELS[s.status]}
                </Tag>{' '}
                合计 {formatFen(s.totalFen)}
                {s.carryInFen !== 0 ? `（含上月结转 ${formatFen(s.carryInFen)}）` : ''} · 应付 <b id='statement-payable'>{formatFen(s.payableFen)}</b>
                {s.carryOutFen !== 0 ? ` · 结转下月 ${formatFen(s.carryOutFen)}` : ''}
                {s.paidAt ? ` · ${formatDateTime(s.paidAt)} 到账` : ''}
                {s.failReason ? ` · 打款失败：${s.failReason}` : ''}
              </span>
              <Space size={8} align='center'>
                {s.status === 'pending_approval' ? (
                  <Popconfirm content={`审批后立即通过微信转账打款 ${formatFen(s.payableFen)}，管家确认收款后到账。确定审批？`} confirmBtn='审批并打款' onConfirm={() => void payout('approveStatement')}>
                    <Button id='statement-approve' theme='primary' loading={paying}>
                      审批并打款
                    </Button>
                  </Popconfirm>
                ) : null}
                {s.status === 'failed' ? (
                  <Popconfirm content={`重新通过微信转账打款 ${formatFen(s.payableFen)}，管家确认收款后到账。确定重新打款？`} confirmBtn='重新打款' onConfirm={() => void payout('retryPayout')}>
                    <Button id='statement-retry' theme='warning' loading={paying}>
                      重新打款
                    </Button>
                  </Popconfirm>
                ) : null}
                <ExportButtons
                  id='export-statement'
                  fileName={`${s.butlerName}-${monthLabel(s.month)}佣金明细`}
                  header={['日期', '类型', '预售', '住户', '归属', '实付', '退款', '佣金']}
                  rows={() =>
                    s.lines.map((l) => [
                      formatDate(l.at),
                      ENTRY_KIND_LABELS[l.kind],
                      l.campaignTitle,
                      l.householdLabel,
                      l.touch ? COMMISSION_TOUCH_LABELS[l.touch] : '',
                      l.kind === 'carry' ? '' : formatFen(l.baseFen),
                      l.refundFen ? formatFen(l.refundFen) : '',
                      formatFen(l.amountFen)
                    ])
                  }
                />
              </Space>
            </div>
            <Table
              className='statement-lines'
              rowKey='id'
              data={s.lines}
              empty='这张结算单没有明细'
              columns={[
                { colKey: 'at', title: '日期', width: 110, cell: ({ row }) => formatDate(row.at) },
                { colKey: 'kind', title: '类型', width: 90, cell: ({ row }) => ENTRY_KIND_LABELS[row.kind] },
                { colKey: 'campaignTitle', title: '预售', ellipsis: true, cell: ({ row }) => (row.kind === 'carry' ? <span className='muted'>上月结算为负，本月扣回</span> : row.campaignTitle) },
                { colKey: 'householdLabel', title: '住户', width: 100 },
                { colKey: 'touch', title: '归属', width: 90, cell: ({ row }) => (row.touch ? COMMISSION_TOUCH_LABELS[row.touch] : '') },
                { colKey: 'baseFen', title: '实付', align: 'right', width: 100, cell: ({ row }) => (row.kind === 'carry' ? '' : formatFen(row.baseFen)) },
                { colKey: 'refundFen', title: '退款', align: 'right', width: 100, cell: ({ row }) => (row.refundFen ? formatFen(row.refundFen) : '') },
                { colKey: 'amountFen', title: '佣金', align: 'right', width: 100, cell: ({ row }) => formatFen(row.amountFen) }
              ]}
            />
          </div>
        )}
      </PageShell>
    </Drawer>
  )
}
