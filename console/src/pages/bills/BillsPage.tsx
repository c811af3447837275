import { useState } from 'react'
import { Button, Card, MessagePlugin, Progress, Select, Space, Table, Tag, Tooltip } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { CALL_OUTCOME_LABELS } from '@contracts/fee'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { formatDate, monthLabel } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { CallDialog } from './CallDialog'
import { ChargeDialog } from './ChargeDialog'

type Arrear = OutputOf<'fee.arrears'>['households'][number]

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0)
const yuan = (fen: number) => formatFen(fen, { symbol: false, grouping: false })
const callText = (c: NonNullable<Arrear['lastCall']>) => `${formatDate(c.at)} ${CALL_OUTCOME_LABELS[c.outcome]}${c.note ? `：${c.note}` : ''}${c.by ? `（${c.by}）` : ''}`

/** Collection by month and building, and the households in arrears with what the office did about them. */
export function BillsPage() {
  const { community } = useConsole()
  const [period, setPeriod] = useState<string | undefined>(undefined)
  const [buildingId, setBuildingId] = useState('')
  const [calling, setCalling] = useState<Arrear | null>(null)
  const [charging, setCharging] = useState(false)
  const collection = useQuery(() => api.fee.collection(period ? { period } : {}), [community.id, period])
  const arrears = useQuery(() => api.fee.arrears(buildingId ? { buildingId } : {}), [community.id, buildingId])
  const buildings = (collection.data?.buildings ?? []).map((b) => ({ id: b.buildingId, name: b.buildingName }))

  const remind = async (row: Arrear) => {
    const res = await api.fee.remind({ householdId: row.householdId })
    if (!res.ok) return void MessagePlugin.warning(res.error.message)
    void MessagePlugin.success(`已提醒${row.label}：${res.data.bills} 张逾期账单，${res.data.messages} 条消息`)
    void arrears.reload()
  }

  return (
    <div className='stack'>
      <PageShell query={collection}>
        {(c) => {
          const billed = c.buildings.reduce((n, b) => n + b.billedFen, 0)
          const collected = c.buildings.reduce((n, b) => n + b.collectedFen, 0)
          return (
            <Card
              bordered={false}
              title='收缴率'
              actions={
                <Space size={8}>
                  <Select
                    className='collection-period'
                    style={{ width: 160 }}
                    value={c.period}
                    onChange={(v) => setPeriod(String(v))}
                    options={[...c.months].reverse().map((m) => ({ value: m.period, label: monthLabel(m.period) }))}
                  />
                  <ExportButtons
                    id='export-collection'
                    fileName={`${community.name}-${c.period}-收缴率`}
                    header={['楼栋', '应收（元）', '实收（元）', '账单（张）', '已缴（张）', '收缴率']}
                    rows={() => c.buildings.map((b) => [b.buildingName, yuan(b.billedFen), yuan(b.collectedFen), b.bills, b.paidBills, `${rate(b.collectedFen, b.billedFen)}%`])}
                  />
                </Space>
              }
            >
              <div className='stats' id='collection-stats'>
                <Stat label={`${monthLabel(c.period)}应收`} value={formatFen(billed)} />
                <Stat label='实收' value={formatFen(collected)} />
                <Stat label='收缴率' value={`${rate(collected, billed)}%`} />
                <Stat
                  label='近几个月收缴率'
                  small
                  value={
                    c.months
                      .filter((m) => m.billedFen > 0)
                      .map((m) => `${Number(m.period.slice(5))}月 ${rate(m.collectedFen, m.billedFen)}%`)
                      .join(' · ') || '—'
                  }
                />
              </div>
              <Table
                className='collection-table'
                rowKey='buildingId'
                data={c.buildings}
                empty='这个月还没有账单'
                columns={[
                  { colKey: 'buildingName', title: '楼栋', width: 140 },
                  { colKey: 'billedFen', title: '应收', align: 'right', width: 140, cell: ({ row }) => formatFen(row.billedFen) },
                  { colKey: 'collectedFen', title: '实收', align: 'right', width: 140, cell: ({ row }) => formatFen(row.collectedFen) },
                  { colKey: 'bills', title: '已缴 / 账单', align: 'right', width: 120, cell: ({ row }) => `${row.paidBills} / ${row.bills}` },
                  { colKey: 'rate', title: '收缴率', cell: ({ row }) => <Progress percentage={rate(row.collectedFen, row.billedFen)} theme='line' /> }
                ]}
              />
            </Card>
          )
        }}
      </PageShell>
      <PageShell query={arrears}>
        {(a) => (
          <Card
            bordered={false}
            title={`欠费户 ${a.households.length} 户 · 合计 ${formatFen(a.totalOwedFen)}`}
            subtitle='含截至今天的滞纳金。每张逾期账单每周自动提醒一次；也可以在这里立即提醒，或记录电话跟进。'
            actions={
              <Space size={8}>
                <Select
                  className='arrears-building'
                  style={{ width: 160 }}
                  value={buildingId}
                  onChange={(v) => setBuildingId(String(v ?? ''))}
                  options={[{ value: '', label: '全部楼栋' }, ...buildings.map((b) => ({ value: b.id, label: b.name }))]}
                />
                <ExportButtons
                  id='export-arrears'
                  fileName={`${community.name}-欠费户`}
                  header={['房屋', '逾期账单（张）', '欠费（元）', '最早到期', '最近提醒', '绑定住户（人）', '最近联系']}
                  rows={() =>
                    a.households.map((r) => [r.label, r.bills, yuan(r.owedFen), formatDate(r.oldestDueAt), r.lastRemindedAt ? formatDate(r.lastRemindedAt) : '', r.members, r.lastCall ? callText(r.lastCall) : ''])
                  }
                />
                <Button id='charge-new' theme='primary' icon={<AddIcon />} onClick={() => setCharging(true)}>
                  一次性收费
                </Button>
              </Space>
            }
          >
            <Table
              className='arrears-table'
              rowKey='householdId'
              data={a.households}
              empty='没有逾期未缴的账单'
              pagination={a.households.length > 20 ? { defaultPageSize: 20, total: a.households.length } : undefined}
              columns={[
                { colKey: 'label', title: '房屋', width: 150 },
                { colKey: 'bills', title: '逾期账单', align: 'right', width: 100, cell: ({ row }) => `${row.bills} 张` },
                { colKey: 'owedFen', title: '欠费', align: 'right', width: 130, cell: ({ row }) => formatFen(row.owedFen) },
                { colKey: 'oldestDueAt', title: '最早到期', width: 120, cell: ({ row }) => formatDate(row.oldestDueAt) },
                { colKey: 'lastRemindedAt', title: '最近提醒', width: 120, cell: ({ row }) => (row.lastRemindedAt ? formatDate(row.lastRemindedAt) : '—') },
                { colKey: 'lastCall', title: '最近联系', ellipsis: true, cell: ({ row }) => (row.lastCall ? callText(row.lastCall) : '—') },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 190,
                  cell: ({ row }) => (
                    <Space size={4}>
                      {row.members > 0 ? (
                        <Button variant='text' theme='primary' onClick={() => void remind(row)}>
                          提醒缴费
                        </Button>
                      ) : (
                        <Tooltip content='这户还没有人绑定房屋，消息发不出去，请电话联系'>
                          <Tag variant='light'>未绑定</Tag>
                        </Tooltip>
                      )}
                      <Button variant='text' theme='primary' onClick={() => setCalling(row)}>
                        记录电话
                      </Button>
                    </Space>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {calling ? (
        <CallDialog
          householdId={calling.householdId}
          label={calling.label}
          onClose={(logged) => {
            setCalling(null)
            if (logged) {
              void MessagePlugin.success('已记录')
              void arrears.reload()
            }
          }}
        />
      ) : null}
      {charging ? (
        <ChargeDialog
          buildings={buildings}
          onClose={(bills) => {
            setCharging(false)
            if (bills !== null) {
              void MessagePlugin.success(`已生成 ${bills} 张账单`)
              void collection.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
