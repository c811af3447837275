import { useState } from 'react'
import { Alert, Button, Card, Form, Input, MessagePlugin, Select, Space, Table, Tag } from 'tdesign-react'
import type { PraiseViewT } from '@contracts/booking-praise'
import { PRAISE_STATUSES, PRAISE_STATUS_LABELS, type PraiseStatus } from '@contracts/praise-labels'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

const THEMES: Record<PraiseStatus, 'warning' | 'success' | 'default'> = { pending: 'warning', approved: 'success', rejected: 'default' }

/** 表扬信审核: each letter is read before it counts for the worker's reputation and the butler's scoreboard. */
export function PraiseQueue() {
  const { community } = useConsole()
  const [status, setStatus] = useState<PraiseStatus>('pending')
  const q = useQuery(() => api.booking.praiseQueue({ status }), [community.id, status])
  const [returning, setReturning] = useState<PraiseViewT | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const decide = async (p: PraiseViewT, approve: boolean, why = '') => {
    setBusy(true)
    const res = await api.booking.moderatePraise({ id: p.id, approve, reason: why })
    setBusy(false)
    if (!res.ok) {
      if (!approve) return setError(res.error.fields?.[0]?.message ?? res.error.message)
      void MessagePlugin.error(res.error.message)
      return void q.reload()
    }
    setReturning(null)
    void MessagePlugin.success(approve ? `已通过：${p.workerName}的表扬信` : '已退回')
    void q.reload()
  }

  return (
    <PageShell query={q}>
      {(d) => (
        <Card bordered={false} title={`表扬信 · 待审核 ${d.pending} 封`} subtitle='通过后计入师傅口碑、管家排行，也是评选光荣榜的依据；含不当内容的请退回并写明原因。'>
          <div className='toolbar'>
            <Select className='filter-praise-status' style={{ width: 140 }} value={status} onChange={(v) => setStatus(PRAISE_STATUSES.find((s) => s === v) ?? 'pending')} options={PRAISE_STATUSES.map((s) => ({ value: s, label: PRAISE_STATUS_LABELS[s] }))} />
          </div>
          <Table
            className='praise-table'
            rowKey='id'
            data={d.letters}
            empty={status === 'pending' ? '没有待审核的表扬信' : '暂无'}
            columns={[
              { colKey: 'workerName', title: '师傅', width: 100 },
              { colKey: 'lineName', title: '服务', width: 120, ellipsis: true },
              { colKey: 'householdLabel', title: '住户', width: 110 },
              { colKey: 'text', title: '表扬信', cell: ({ row }) => <div className='praise-text'>{row.text}</div> },
              { colKey: 'at', title: '提交时间', width: 150, cell: ({ row }) => formatDateTime(row.at) },
              {
                colKey: 'status',
                title: '状态',
                width: 120,
                cell: ({ row }) => (
                  <Space direction='vertical' size={2}>
                    <Tag theme={THEMES[row.status]} variant='light'>
                      {row.statusLabel}
                    </Tag>
                    {row.reason ? <span className='muted'>{row.reason}</span> : null}
                  </Space>
                )
              },
              {
                colKey: 'op',
                title: '操作',
                width: 130,
                cell: ({ row }) =>
                  row.status === 'pending' ? (
                    <Space size={0}>
                      <Button className='praise-approve' variant='text' theme='primary' disabled={busy} onClick={() => void decide(row, true)}>
                        通过
                      </Button>
                      <Button
                        className='praise-return'
                        variant='text'
                        theme='default'
                        onClick={() => {
                          setReason('')
                          setError(null)
                          setReturning(row)
                        }}
                      >
                        退回
                      </Button>
                    </Space>
                  ) : null
              }
            ]}
          />
          {returning ? (
            <FormDialog header={`退回${returning.workerName}的表扬信`} saveId='praise-return-save' saveText='退回' busy={busy} onSave={() => void decide(returning, false, reason)} onCancel={() => setReturning(null)}>
              <Form labelWidth={80} colon={false}>
                <Field label='退回原因' required status={error ? 'error' : undefined} tips={error ?? undefined}>
                  <Input name='praise-reason' value={reason} maxlength={60} placeholder='例如：内容与服务无关' onChange={(v) => setReason(String(v))} />
                </Field>
              </Form>
              <Alert theme='info' message='退回后住户不会收到通知，表扬信不计入师傅口碑。' />
            </FormDialog>
          ) : null}
        </Card>
      )}
    </PageShell>
  )
}
