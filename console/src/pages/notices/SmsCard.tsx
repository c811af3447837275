import { useEffect, useState } from 'react'
import { Button, Card, InputNumber, MessagePlugin, Space, Switch, Table, Tag } from 'tdesign-react'
import type { SmsSettingsView } from '@contracts/message'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

const KIND_LABELS = { arrears: '欠费提醒', notice: '重要公告' } as const
const STATUS: Record<SmsSettingsView['recent'][number]['status'], { text: string; theme: 'success' | 'warning' | 'danger' | 'default' }> = {
  sent: { text: '已发送', theme: 'success' },
  pending: { text: '发送中', theme: 'default' },
  failed: { text: '发送失败', theme: 'danger' },
  over_budget: { text: '超出本月上限', theme: 'warning' }
}

/**
 * Texts (短信) for homes where nobody uses the mini-program: arrears reminders and important
 * notices only, off until switched on here, and never more a month than the cap set.
 */
export function SmsCard() {
  const { community } = useConsole()
  const operator = community.roles.includes('operator')
  const q = useQuery(() => api.message.smsSettings({}), [community.id], { enabled: operator })
  const [enabled, setEnabled] = useState(false)
  const [limit, setLimit] = useState(200)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!q.data) return
    setEnabled(q.data.enabled)
    setLimit(q.data.monthlyLimit)
  }, [q.data])
  if (!operator) return null

  const save = async () => {
    setBusy(true)
    const res = await api.message.saveSmsSettings({ enabled, monthlyLimit: limit })
    setBusy(false)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(enabled ? `已开启短信提醒，每月最多 ${limit} 条` : '已关闭短信提醒')
    void q.reload()
  }

  return (
    <Card bordered={false} title='短信提醒' subtitle='只发给没有人使用小程序的房屋（按房屋档案中的业主手机号）：欠费提醒与重要公告。短信附小程序链接，点开直接进入对应页面。'>
      <PageShell query={q}>
        {(d) => (
          <div className='stack'>
            <Space size={16} align='center'>
              <Switch className='sms-enabled' value={enabled} onChange={(v) => setEnabled(Boolean(v))} />
              <span>{enabled ? '已开启' : '未开启'}</span>
              <span className='muted'>每月上限</span>
              <InputNumber className='sms-limit' value={limit} min={1} max={100000} theme='normal' suffix='条' style={{ width: 140 }} onChange={(v) => setLimit(Number(v) || 1)} />
              <Button id='sms-save' theme='primary' loading={busy} onClick={() => void save()}>
                保存
              </Button>
              <span className='muted' id='sms-used'>
                本月已发 {d.sentThisMonth} 条
              </span>
            </Space>
            {d.recent.length ? (
              <Table
                className='sms-table'
                rowKey='at'
                size='small'
                data={d.recent}
                columns={[
                  { colKey: 'at', title: '时间', width: 160, cell: ({ row }) => formatDateTime(row.at) },
                  { colKey: 'kind', title: '内容', width: 110, cell: ({ row }) => KIND_LABELS[row.kind] },
                  { colKey: 'phoneMasked', title: '手机', width: 140 },
                  { colKey: 'status', title: '状态', cell: ({ row }) => <Tag theme={STATUS[row.status].theme} variant='light'>{STATUS[row.status].text}</Tag> }
                ]}
              />
            ) : null}
          </div>
        )}
      </PageShell>
    </Card>
  )
}
