import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Select, Space, Table, Tabs, Tag } from 'tdesign-react'
import type { RewardTransferStatus } from '@contracts/reward-labels'
import { recentMonths, shanghaiMonth } from '@contracts/shanghai'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime, monthLabel } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { CandidateTable, type HonorPick } from './CandidateTable'
import { PraiseQueue } from './PraiseQueue'
import { RewardDialog } from './RewardDialog'

/** How a cash reward's transfer reads in the table: only 未能到账 needs the office. */
const CASH_TAG: Record<RewardTransferStatus, 'primary' | 'warning' | 'success' | 'danger'> = { processing: 'primary', awaiting_confirm: 'warning', paid: 'success', failed: 'danger' }

type Tab = 'praise' | 'roll' | 'rewards'

/**
 * 表扬信 and 光荣榜: read residents' letters before they count; each month pick the workers and
 * butlers to honour from suggestions with reasons, publish the roll to the community, and reward
 * the honourees from an incentive budget.
 */
export function HonorPage() {
  const { community } = useConsole()
  const [tab, setTab] = useState<Tab>('praise')
  const months = recentMonths(Date.now())
  const [month, setMonth] = useState(months[0] ?? shanghaiMonth(Date.now()))
  const q = useQuery(() => api.selling.honorCandidates({ month }), [community.id, month], { enabled: tab !== 'praise' })
  const [busy, setBusy] = useState(false)
  const [rewarding, setRewarding] = useState<{ refId: string; name: string; hasHome: boolean | null } | null>(null)

  const save = async (entries: HonorPick[]) => {
    setBusy(true)
    const res = await api.selling.saveHonorRoll({ month, entries })
    setBusy(false)
    if (!res.ok) return void MessagePlugin.error(res.error.fields?.[0]?.message ?? res.error.message)
    void MessagePlugin.success(`已保存${monthLabel(month)}光荣榜（${entries.length} 人），发布后住户可见`)
    void q.reload()
  }
  const publish = async () => {
    setBusy(true)
    const res = await api.selling.publishHonorRoll({ month })
    setBusy(false)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已发布${monthLabel(month)}光荣榜，上榜人会收到通知`)
    void q.reload()
  }

  const monthPicker = (
    <Select className='honor-month' style={{ width: 140 }} value={month} onChange={(v) => setMonth(months.find((m) => m === v) ?? month)} options={months.map((m) => ({ value: m, label: monthLabel(m) }))} />
  )

  return (
    <div className='stack'>
      <Tabs value={tab} onChange={(v) => setTab(v === 'roll' || v === 'rewards' ? v : 'praise')}>
        <Tabs.TabPanel value='praise' label='表扬信审核' />
        <Tabs.TabPanel value='roll' label='光荣榜' />
        <Tabs.TabPanel value='rewards' label='奖励' />
      </Tabs>
      {tab === 'praise' ? <PraiseQueue /> : null}
      {tab === 'roll' ? (
        <PageShell query={q}>
          {(d) => {
            const published = d.roll?.status === 'published'
            return (
              <Card
                bordered={false}
                title={`${monthLabel(d.month)}光荣榜`}
                subtitle='推荐依据：师傅本月至少 3 次评价且平均 4.5 分以上、收到表扬信或准时率 95% 以上；管家任务完成 80% 以上、网格住户的表扬信或培训证书。'
                actions={
                  <Space size={8} align='center'>
                    {monthPicker}
                    {d.roll ? (
                      <Tag className='honor-status' theme={published ? 'success' : 'warning'} variant='light'>
                        {d.roll.statusLabel}
                        {d.roll.publishedAt !== null ? ` · ${formatDateTime(d.roll.publishedAt)}` : ''}
                      </Tag>
                    ) : null}
                    {d.roll && !published ? (
                      <Popconfirm content={`发布后住户、师傅和管家都能看到，且不能再修改。发布${monthLabel(d.month)}光荣榜？`} onConfirm={() => void publish()}>
                        <Button id='honor-publish' theme='primary' loading={busy}>
                          发布
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Space>
                }
              >
                {published && d.roll ? (
                  <Table
                    className='honor-roll'
                    rowKey='refId'
                    data={d.roll.entries}
                    columns={[
                      { colKey: 'name', title: '姓名', width: 120 },
                      { colKey: 'kindLabel', title: '类别', width: 110 },
                      { colKey: 'reason', title: '上榜理由' }
                    ]}
                  />
                ) : (
                  <CandidateTable key={`${d.month}:${d.roll?.entries.length ?? 0}`} data={d} busy={busy} onSave={(entries) => void save(entries)} />
                )}
              </Card>
            )
          }}
        </PageShell>
      ) : null}
      {tab === 'rewards' ? (
        <PageShell query={q}>
          {(d) => {
            const given = new Map(d.rewards.map((r) => [r.refId, r]))
            const published = d.roll?.status === 'published'
            return (
              <Card bordered={false} title={`${monthLabel(d.month)}光荣榜奖励`} subtitle='从激励预算给上榜人发积分、服务卡或现金，每人每月一次，绝不超出预算。' actions={monthPicker}>
                <Table
                  className='honor-rewards'
                  rowKey='refId'
                  data={published && d.roll ? d.roll.entries : []}
                  empty={published ? '榜单上没有人' : '本月光荣榜发布后，才能给上榜人发奖励'}
                  columns={[
                    { colKey: 'name', title: '上榜人', width: 120 },
                    { colKey: 'kindLabel', title: '类别', width: 110 },
                    { colKey: 'reason', title: '上榜理由', ellipsis: true },
                    {
                      colKey: 'given',
                      title: '已发奖励',
                      width: 220,
                      cell: ({ row }) => {
                        const r = given.get(row.refId)
                        if (!r) return <span className='muted'>未发</span>
                        const text = `${r.text}（计 ${formatFen(r.costFen)}，${formatDateTime(r.at)}）`
                        if (!r.transfer) return text
                        // Cash waits for the honoree's own tap; a bill that never went through is the office's to settle.
                        const state = r.transfer.failReason ? `${r.transfer.statusLabel}：${r.transfer.failReason}` : r.transfer.statusLabel
                        return (
                          <Space direction='vertical' size={4}>
                            {text}
                            <Tag variant='light' theme={CASH_TAG[r.transfer.status]}>
                              {state}
                            </Tag>
                          </Space>
                        )
                      }
                    },
                    {
                      colKey: 'op',
                      title: '操作',
                      width: 100,
                      cell: ({ row }) =>
                        given.has(row.refId) ? null : (
                          <Button className={`honor-reward-${row.refId}`} variant='text' theme='primary' onClick={() => setRewarding({ refId: row.refId, name: row.name, hasHome: d.candidates.find((c) => c.refId === row.refId)?.hasHome ?? null })}>
                            发奖励
                          </Button>
                        )
                    }
                  ]}
                />
              </Card>
            )
          }}
        </PageShell>
      ) : null}
      {rewarding ? (
        <RewardDialog
          month={month}
          honoree={rewarding}
          onClose={(text) => {
            setRewarding(null)
            if (text) {
              void MessagePlugin.success(text)
              void q.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
