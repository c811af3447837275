import { useState } from 'react'
import { Button, Card, MessagePlugin, Select, Space, Table, Tabs, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import type { RuleViewT } from '@contracts/selling-commission'
import { COMMISSION_MODE_LABELS, COMMISSION_SCOPE_LABELS, COMMISSION_TOUCH_LABELS, STATEMENT_STATUSES, STATEMENT_STATUS_LABELS, type StatementStatus } from '@contracts/selling-labels'
import { recentMonths, shanghaiMonth } from '@contracts/shanghai'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime, monthLabel } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { RuleDialog, type RuleTarget } from './RuleDialog'
import { StatementDrawer } from './StatementDrawer'
import { STATEMENT_THEMES } from './statement-themes'

type Tab = 'rules' | 'statements'

function ruleTerms(r: RuleViewT): string {
  return r.mode === 'percent' ? `实付金额的 ${r.bp / 100}%` : `每单 ${formatFen(r.fixedFen)}`
}

/** 佣金规则: what each campaign (or the whole presale line) pays the butler whose card brought the order. */
function RulesTab() {
  const { community } = useConsole()
  const rules = useQuery(() => api.selling.rules({}), [community.id])
  const campaigns = useQuery(() => api.order.adminCampaigns({}), [community.id])
  const [editing, setEditing] = useState<{ rule: RuleViewT | null } | null>(null)
  const targets: RuleTarget[] = [
    { value: 'line:presale', label: '严选预售（整条业务线）' },
    ...(campaigns.data?.campaigns ?? []).filter((c) => c.status !== 'draft').map((c) => ({ value: `campaign:${c.id}`, label: `预售：${c.title}` }))
  ]

  return (
    <PageShell query={rules}>
      {(d) => (
        <Card
          bordered={false}
          title={`佣金规则 ${d.items.length} 条`}
          subtitle='住户通过管家的分享下单并支付后按规则计入佣金，退款按比例扣回；每月初生成上月结算单。'
          actions={
            <Button id='rule-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing({ rule: null })}>
              新建规则
            </Button>
          }
        >
          <Table
            className='rules-table'
            rowKey='id'
            data={d.items}
            empty='还没有佣金规则：点「新建规则」为预售设置佣金'
            columns={[
              { colKey: 'refTitle', title: '适用对象', ellipsis: true },
              { colKey: 'scope', title: '范围', width: 110, cell: ({ row }) => COMMISSION_SCOPE_LABELS[row.scope] },
              { colKey: 'mode', title: '计算方式', width: 100, cell: ({ row }) => COMMISSION_MODE_LABELS[row.mode] },
              { colKey: 'terms', title: '佣金', width: 150, cell: ({ row }) => ruleTerms(row) },
              { colKey: 'touch', title: '归属', width: 100, cell: ({ row }) => COMMISSION_TOUCH_LABELS[row.touch] },
              { colKey: 'updatedAt', title: '更新', width: 200, cell: ({ row }) => `${formatDateTime(row.updatedAt)} ${row.updatedByName}` },
              {
                colKey: 'op',
                title: '操作',
                width: 80,
                cell: ({ row }) => (
                  <Button className='rule-edit' variant='text' theme='primary' onClick={() => setEditing({ rule: row })}>
                    修改
                  </Button>
                )
              }
            ]}
          />
          {editing ? (
            <RuleDialog
              initial={editing.rule}
              targets={editing.rule ? [{ value: `${editing.rule.scope}:${editing.rule.refId}`, label: editing.rule.refTitle }] : targets}
              onClose={(saved) => {
                setEditing(null)
                if (saved) {
                  void MessagePlugin.success(`已保存「${saved}」的佣金规则，之后支付的订单按新规则计算`)
                  void rules.reload()
                }
              }}
            />
          ) : null}
        </Card>
      )}
    </PageShell>
  )
}

/** 结算单: each butler's statement of a month; built on the 1st, or now for a late run. */
function StatementsTab() {
  const { community } = useConsole()
  const months = recentMonths(Date.now())
  const [month, setMonth] = useState(months[1] ?? shanghaiMonth(Date.now()))
  const [status, setStatus] = useState<StatementStatus | undefined>(undefined)
  const q = useQuery(() => api.selling.statements({ month, status }), [community.id, month, status])
  const [open, setOpen] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const build = async () => {
    setBusy(true)
    const res = await api.selling.buildStatements({ month })
    setBusy(false)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(res.data.statements > 0 ? `已生成${monthLabel(month)}结算单 ${res.data.statements} 张` : `${monthLabel(month)}没有新的佣金需要结算`)
    void q.reload()
  }

  return (
    <PageShell query={q}>
      {(d) => (
        <Card
          bordered={false}
          title={`${monthLabel(month)}佣金结算单 ${d.items.length} 张`}
          subtitle='合计为负或不足 1 元的不打款，差额结转到下月。'
          actions={
            <Space size={8} align='center'>
              <Select className='statement-month' style={{ width: 140 }} value={month} onChange={(v) => setMonth(months.find((m) => m === v) ?? month)} options={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
              <Select
                className='statement-filter'
                style={{ width: 140 }}
                clearable
                placeholder='全部状态'
                value={status}
                onChange={(v) => setStatus(STATEMENT_STATUSES.find((s) => s === v))}
                options={STATEMENT_STATUSES.map((s) => ({ value: s, label: STATEMENT_STATUS_LABELS[s] }))}
              />
              <ExportButtons
                id='export-statements'
                fileName={`${community.name}-${monthLabel(month)}佣金结算单`}
                header={['管家', '明细（笔）', '上月结转', '合计', '应付', '结转下月', '状态']}
                rows={() => d.items.map((s) => [s.butlerName, s.entries, formatFen(s.carryInFen), formatFen(s.totalFen), formatFen(s.payableFen), formatFen(s.carryOutFen), STATEMENT_STATUS_LABELS[s.status]])}
              />
              <Button id='statements-build' theme='primary' loading={busy} onClick={() => void build()}>
                生成结算单
              </Button>
            </Space>
          }
        >
          <Table
            className='statements-table'
            rowKey='id'
            data={d.items}
            empty='这个月还没有结算单：每月 1 日自动生成上月的，也可以点「生成结算单」'
            columns={[
              { colKey: 'butlerName', title: '管家', width: 120 },
              { colKey: 'entries', title: '明细', align: 'right', width: 80, cell: ({ row }) => `${row.entries} 笔` },
              { colKey: 'carryInFen', title: '上月结转', align: 'right', width: 110, cell: ({ row }) => (row.carryInFen ? formatFen(row.carryInFen) : '') },
              { colKey: 'totalFen', title: '合计', align: 'right', width: 110, cell: ({ row }) => formatFen(row.totalFen) },
              { colKey: 'payableFen', title: '应付', align: 'right', width: 110, cell: ({ row }) => formatFen(row.payableFen) },
              { colKey: 'carryOutFen', title: '结转下月', align: 'right', width: 110, cell: ({ row }) => (row.carryOutFen ? formatFen(row.carryOutFen) : '') },
              {
                colKey: 'status',
                title: '状态',
                width: 110,
                cell: ({ row }) => (
                  <Tag theme={STATEMENT_THEMES[row.status]} variant='light'>
                    {STATEMENT_STATUS_LABELS[row.status]}
                  </Tag>
                )
              },
              {
                colKey: 'op',
                title: '操作',
                width: 90,
                cell: ({ row }) => (
                  <Button className='statement-open' variant='text' theme='primary' onClick={() => setOpen(row.id)}>
                    明细
                  </Button>
                )
              }
            ]}
          />
          {open ? (
            <StatementDrawer
              id={open}
              onClose={() => {
                setOpen(null)
                void q.reload()
              }}
            />
          ) : null}
        </Card>
      )}
    </PageShell>
  )
}

/** 管家佣金: the rules that make commission, and the monthly statements they add up to. */
export function CommissionPage() {
  const [tab, setTab] = useState<Tab>('rules')
  return (
    <div className='stack'>
      <Tabs value={tab} onChange={(v) => setTab(v === 'statements' ? 'statements' : 'rules')}>
        <Tabs.TabPanel value='rules' label='规则' />
        <Tabs.TabPanel value='statements' label='结算单' />
      </Tabs>
      {tab === 'rules' ? <RulesTab /> : <StatementsTab />}
    </div>
  )
}
