import { useState } from 'react'
import { Alert, Button, Card, Form, Input, MessagePlugin, Table, Tag } from 'tdesign-react'
import { PAYABLE_TYPE_LABELS, type PayableType } from '@contracts/pay'
import type { HouseholdHitT } from '@contracts/desk-find'
import type { ApiError } from '@contracts/errors'
import { formatFen, parseYuan, yuanInput } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { Field } from '../../shell/Field'
import { PageShell } from '../../shell/PageShell'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { useQuery } from '../../shell/use-query'
import { CallerSearch } from '../desk/CallerSearch'
import { CashReceipt } from './CashReceipt'
import { ConfirmRefundDialog, type CashRefundRow } from './ConfirmRefundDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

const key = (type: PayableType, id: string) => `${type}:${id}`

/**
 * 现金收款 at the finance desk: find the household, tick what the payer is paying, count the cash
 * and record it; the receipt prints from here and the member gets the same one in the mini-program.
 * Below, the cash owed back (a cancelled or refunded item paid in cash) waits to be handed over.
 */
export function CashPage() {
  const { community } = useConsole()
  const [household, setHousehold] = useState<HouseholdHitT | null>(null)
  const [receiptId, setReceiptId] = useState<string | null>(null)
  const [handing, setHanding] = useState<CashRefundRow | null>(null)
  const refunds = useQuery(() => api.pay.cashRefunds({}), [community.id])

  return (
    <div className='stack'>
      <div className='desk-grid'>
        <Card bordered={false} title='查找房屋' subtitle='按房号、手机号或业主姓名，与交款人核对'>
          <CallerSearch selected={household} onSelect={setHousehold} profileLink={false} />
        </Card>
        <Card bordered={false} title='现金收款' subtitle='勾选本次缴纳的项目，点清现金后登记，系统开具收据'>
          {household ? <DueForm key={household.householdId} household={household} onRecorded={setReceiptId} /> : <div className='muted desk-empty'>先在左侧找到房屋</div>}
        </Card>
      </div>
      <Card bordered={false} title='待退还现金' subtitle='现金缴纳后取消或退款的款项：当面退还给住户后，在这里确认'>
        <PageShell query={refunds}>
          {(d) => (
            <Table
              className='cash-refunds'
              rowKey='id'
              data={d.refunds}
              empty='没有待退还的现金'
              columns={[
                { colKey: 'householdLabel', title: '房屋', width: 140 },
                { colKey: 'payerName', title: '原交款人', width: 100 },
                { colKey: 'amountFen', title: '金额', width: 110, cell: ({ row }) => formatFen(row.amountFen) },
                { colKey: 'reason', title: '原因', ellipsis: true },
                { colKey: 'createdAt', title: '发起时间', width: 160, cell: ({ row }) => formatDateTime(row.createdAt) },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 110,
                  cell: ({ row }) => (
                    <Button size='small' theme='primary' variant='text' onClick={() => setHanding(row)}>
                      已当面退还
                    </Button>
                  )
                }
              ]}
            />
          )}
        </PageShell>
      </Card>
      {receiptId ? <CashReceipt paymentId={receiptId} onClose={() => setReceiptId(null)} /> : null}
      {handing ? (
        <ConfirmRefundDialog
          refund={handing}
          onClose={(done) => {
            setHanding(null)
            if (done) {
              void MessagePlugin.success('已确认退还，住户会收到退款消息')
              void refunds.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}

function DueForm({ household, onRecorded }: { household: HouseholdHitT; onRecorded: (paymentId: string) => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [picked, setPicked] = useState<string[]>([])
  const [payerName, setPayerName] = useState('')
  const [received, setReceived] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const due = useQuery(() => api.pay.cashDue({ householdId: household.householdId }), [household.householdId])
  const items = due.data?.items ?? []
  const chosen = items.filter((i) => picked.includes(key(i.type, i.id)))
  const totalFen = chosen.reduce((n, i) => n + i.amountFen, 0)

  const choose = (keys: string[]) => {
    setPicked(keys)
    const sum = items.filter((i) => keys.includes(key(i.type, i.id))).reduce((n, i) => n + i.amountFen, 0)
    setReceived(sum > 0 ? yuanInput(sum) : '')
  }

  const save = async () => {
    const receivedFen = parseYuan(received)
    if (chosen.length === 0) return setError({ code: 'REQUEST.INVALID_INPUT', message: '请勾选本次收款的项目', requestId: '' })
    if (receivedFen === null) return setError({ code: 'REQUEST.INVALID_INPUT', message: '请填写实收金额', requestId: '', fields: [{ path: 'receivedFen', message: '请填写实收金额，如 281.04' }] })
    setBusy(true)
    const r = await api.pay.recordCash({ householdId: household.householdId, payables: chosen.map((i) => ({ type: i.type, id: i.id })), receivedFen, payerName: payerName.trim(), clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setPicked([])
    setReceived('')
    setRequestId(newRequestId())
    onRecorded(r.data.paymentId)
    void due.reload()
  }

  return (
    <PageShell query={due} empty={(d) => (d.items.length === 0 ? { title: `${household.label} 没有待缴项目`, hint: '账单已缴清，也没有待付款的订单' } : null)}>
      {() => (
        <Form labelWidth={88} colon={false}>
          <Table
            className='cash-due'
            rowKey='key'
            size='small'
            data={items.map((i) => ({ ...i, key: key(i.type, i.id) }))}
            selectedRowKeys={picked}
            onSelectChange={(keys) => choose(keys.map(String))}
            columns={[
              { colKey: 'row-select', type: 'multiple', width: 44 },
              { colKey: 'type', title: '类别', width: 96, cell: ({ row }) => <Tag variant='light'>{PAYABLE_TYPE_LABELS[row.type]}</Tag> },
              { colKey: 'title', title: '项目', cell: ({ row }) => (<div><div>{row.title}</div><div className='muted'>{row.detail}</div></div>) },
              { colKey: 'amountFen', title: '应收', width: 110, align: 'right', cell: ({ row }) => formatFen(row.amountFen) }
            ]}
          />
          <div className='cash-total'>
            已选 {chosen.length} 项，应收 <strong>{formatFen(totalFen)}</strong>
          </div>
          <Field label='交款人' required {...fieldStatus(error, 'payerName')}>
            <Input name='cash-payer' value={payerName} maxlength={20} placeholder='如：王建国' onChange={(v) => setPayerName(String(v))} />
          </Field>
          <Field label='实收金额' required help='点清现金后填写，须与应收一致' {...fieldStatus(error, 'receivedFen')}>
            <Input name='cash-received' value={received} suffix='元' placeholder='0.00' onChange={(v) => setReceived(String(v))} />
          </Field>
          {formLevelError(error) ? <Alert theme='error' message={formLevelError(error)} /> : null}
          <div className='form-actions'>
            <Button id='cash-record' theme='primary' loading={busy} disabled={chosen.length === 0} onClick={() => void save()}>
              登记收款并开具收据
            </Button>
          </div>
        </Form>
      )}
    </PageShell>
  )
}
