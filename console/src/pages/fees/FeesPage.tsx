import { useState } from 'react'
import { Alert, Button, Card, DialogPlugin, MessagePlugin, Select, Space, Table, Tag } from 'tdesign-react'
import { AddIcon, EditIcon } from 'tdesign-icons-react'
import { ITEM_BASIS_LABELS } from '@contracts/fee'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { monthLabel } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { ItemDialog, type ItemDraft } from './ItemDialog'
import { SettingsDialog } from './SettingsDialog'

type Fees = OutputOf<'fee.items'>
type Billed = OutputOf<'fee.runBilling'>

const percent = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`

function lateFeeText(f: Fees): string {
  if (!f.lateFee) return '不收滞纳金'
  const { graceDays, bpPerDay, capBp } = f.lateFee
  return `逾期${graceDays > 0 ? ` ${graceDays} 天后` : ''}每天按账单金额的 ${percent(bpPerDay)} 收取滞纳金，最多 ${percent(capBp)}`
}

/** Fee items, when bills fall due, and billing a month by hand (the timer bills on the 1st). */
export function FeesPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.fee.items({}), [community.id])
  const [item, setItem] = useState<ItemDraft | null>(null)
  const [settings, setSettings] = useState(false)

  return (
    <>
      <PageShell query={q}>
        {(d) => (
          <div className='stack'>
            <Card
              bordered={false}
              title='收费项目'
              subtitle='按月计费：每月 1 日自动为每户生成账单，也可以在下方手动出账。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-items'
                    fileName={`${community.name}-收费项目`}
                    header={['项目', '计费方式', '单价', '单位', '状态']}
                    rows={() => d.items.map((i) => [i.name, ITEM_BASIS_LABELS[i.kind], formatFen(i.unitPriceFen, { symbol: false }), i.unit, i.active ? '启用' : '停用'])}
                  />
                  <Button id='item-new' theme='primary' icon={<AddIcon />} onClick={() => setItem({ kind: 'property', name: '', unitPriceFen: null, active: true })}>
                    新增收费项目
                  </Button>
                </Space>
              }
            >
              <Table
                className='items-table'
                rowKey='id'
                data={d.items}
                empty='还没有收费项目。添加物业服务费（按面积）、车位管理费（按车位）等，才能出账。'
                columns={[
                  { colKey: 'name', title: '项目', width: 200 },
                  { colKey: 'kind', title: '计费方式', width: 140, cell: ({ row }) => ITEM_BASIS_LABELS[row.kind] },
                  { colKey: 'unitPriceFen', title: '单价', align: 'right', width: 180, cell: ({ row }) => `${formatFen(row.unitPriceFen, { symbol: false })} ${row.unit}` },
                  {
                    colKey: 'active',
                    title: '状态',
                    width: 100,
                    cell: ({ row }) => (
                      <Tag theme={row.active ? 'success' : 'default'} variant='light'>
                        {row.active ? '启用' : '停用'}
                      </Tag>
                    )
                  },
                  {
                    colKey: 'op',
                    title: '操作',
                    cell: ({ row }) => (
                      <Button variant='text' theme='primary' onClick={() => setItem({ id: row.id, kind: row.kind, name: row.name, unitPriceFen: row.unitPriceFen, active: row.active })}>
                        修改
                      </Button>
                    )
                  }
                ]}
              />
            </Card>
            <Card
              bordered={false}
              title='到期日与滞纳金'
              actions={
                <Button id='settings-edit' variant='outline' icon={<EditIcon />} onClick={() => setSettings(true)}>
                  修改
                </Button>
              }
            >
              <div className='facts' id='fee-settings'>
                <div>
                  <span className='facts__label'>每月到期日</span>每月 {d.dueDay} 日
                </div>
                <div>
                  <span className='facts__label'>滞纳金</span>
                  {lateFeeText(d)}
                </div>
              </div>
            </Card>
            <BillingCard communityName={community.name} fees={d} onBilled={() => void q.reload()} />
          </div>
        )}
      </PageShell>
      {item ? (
        <ItemDialog
          draft={item}
          onClose={(saved) => {
            setItem(null)
            if (saved) {
              void MessagePlugin.success(`已保存${saved}`)
              void q.reload()
            }
          }}
        />
      ) : null}
      {settings && q.data ? (
        <SettingsDialog
          settings={q.data}
          onClose={(saved) => {
            setSettings(false)
            if (saved) {
              void MessagePlugin.success('已保存到期日与滞纳金规则')
              void q.reload()
            }
          }}
        />
      ) : null}
    </>
  )
}

/** Billing a month by hand: asked once, then what it made; running it again adds nothing. */
function BillingCard({ communityName, fees, onBilled }: { communityName: string; fees: Fees; onBilled: () => void }) {
  const current = fees.billable[fees.billable.length - 2] ?? fees.billable[0] ?? ''
  const [period, setPeriod] = useState(current)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Billed | null>(null)
  const active = fees.items.filter((i) => i.active)

  const run = async () => {
    setBusy(true)
    const res = await api.fee.runBilling({ period })
    setBusy(false)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    setResult(res.data)
    onBilled()
  }
  const ask = () => {
    const dialog = DialogPlugin.confirm({
      header: `生成${monthLabel(period)}的账单？`,
      body: `将按 ${active.map((i) => i.name).join('、')} 为每户生成账单，住户随即可在小程序缴费。已生成过的账单不会重复生成。`,
      confirmBtn: '生成账单',
      onConfirm: () => {
        dialog.hide()
        void run()
      },
      onClose: () => dialog.hide()
    })
  }

  return (
    <Card
      bordered={false}
      title='出账'
      subtitle='每月 1 日 01:00 自动出当月账单。首次上线、新增收费项目或补出漏掉的月份时，可在这里手动出账。'
      actions={
        <ExportButtons
          id='export-runs'
          fileName={`${communityName}-出账记录`}
          header={['月份', '账单（张）', '金额（元）']}
          rows={() => fees.runs.map((r) => [r.period, r.bills, formatFen(r.billedFen, { symbol: false, grouping: false })])}
        />
      }
    >
      <div className='toolbar'>
        <Select className='billing-period' style={{ width: 200 }} value={period} onChange={(v) => setPeriod(String(v))} options={fees.billable.map((p) => ({ value: p, label: monthLabel(p) }))} />
        <Button id='billing-run' theme='primary' loading={busy} disabled={active.length === 0} onClick={ask}>
          生成账单
        </Button>
        {active.length === 0 ? <span className='toolbar__hint'>先添加并启用收费项目</span> : null}
      </div>
      {result ? (
        <Alert
          className='billing-result'
          theme='success'
          message={
            result.created > 0
              ? `${monthLabel(result.period)}：为 ${result.households} 户生成 ${result.created} 张账单，合计 ${formatFen(result.createdFen)}${result.existing ? `；另有 ${result.existing} 张此前已生成` : ''}${result.skippedZero ? `；${result.skippedZero} 项因无车位或面积为 0 未出账` : ''}`
              : `${monthLabel(result.period)}的账单此前都已生成（${result.existing} 张），这次没有新增`
          }
        />
      ) : null}
      <Table
        className='runs-table'
        rowKey='period'
        data={fees.runs}
        empty='还没有出过账'
        columns={[
          { colKey: 'period', title: '月份', width: 160, cell: ({ row }) => monthLabel(row.period) },
          { colKey: 'bills', title: '账单（张）', align: 'right', width: 140 },
          { colKey: 'billedFen', title: '金额', align: 'right', cell: ({ row }) => formatFen(row.billedFen) }
        ]}
      />
    </Card>
  )
}
