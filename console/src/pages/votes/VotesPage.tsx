import { useState } from 'react'
import { Button, Card, MessagePlugin, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import type { VoteSummary } from '@contracts/message-votes'
import { VOTE_OUTCOME_LABELS, VOTE_RULE_LABELS, VOTE_STATE_LABELS, type VoteState } from '@contracts/vote-rules'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { VoteDialog } from './VoteDialog'
import { VoteDrawer } from './VoteDrawer'

const STATE_THEMES: Record<VoteState, 'default' | 'primary' | 'success' | 'warning'> = { scheduled: 'default', open: 'success', counting: 'warning', closed: 'primary' }

/** Owner votes (业主表决): made here, cast by owners in the mini-program or on paper, counted at the close. */
export function VotesPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.message.votes({}), [community.id])
  const options = useQuery(() => api.message.noticeOptions({}), [community.id])
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<VoteSummary | null>(null)
  return (
    <div className='stack'>
      <PageShell query={q}>
        {(d) => (
          <Card
            bordered={false}
            title={`业主表决 ${d.items.length} 项`}
            subtitle='依《民法典》第二百七十八条：参与表决的专有面积与人数均须达三分之二以上；一般事项经参与表决双过半同意，重大事项须双四分之三以上。'
            actions={
              <Button id='vote-new' theme='primary' icon={<AddIcon />} disabled={!options.data} onClick={() => setCreating(true)}>
                发起表决
              </Button>
            }
          >
            <Table
              className='votes-table'
              rowKey='id'
              data={d.items}
              empty='还没有发起过业主表决'
              columns={[
                { colKey: 'title', title: '表决事项' },
                { colKey: 'rule', title: '规则', width: 190, cell: ({ row }) => VOTE_RULE_LABELS[row.rule] },
                { colKey: 'scopeLabel', title: '范围', width: 140, ellipsis: true },
                { colKey: 'closesAt', title: '截止', width: 150, cell: ({ row }) => formatDateTime(row.closesAt) },
                { colKey: 'ballots', title: '已投（套）', width: 110, align: 'right', cell: ({ row }) => `${row.ballots}/${row.units}` },
                { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATE_THEMES[row.state]} variant='light'>{VOTE_STATE_LABELS[row.state]}</Tag> },
                { colKey: 'outcome', title: '结果', width: 110, cell: ({ row }) => (row.outcome ? <Tag theme={row.outcome === 'passed' ? 'success' : 'danger'} variant='light'>{VOTE_OUTCOME_LABELS[row.outcome].slice(0, 5)}</Tag> : '—') },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 100,
                  cell: ({ row }) => (
                    <Space size={4}>
                      <Button variant='text' theme='primary' onClick={() => setOpen(row)}>
                        {row.state === 'closed' ? '查看结果' : '查看进度'}
                      </Button>
                    </Space>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {creating && options.data ? (
        <VoteDialog
          options={options.data}
          onClose={(saved) => {
            setCreating(false)
            if (saved) {
              void MessagePlugin.success(saved)
              void q.reload()
            }
          }}
        />
      ) : null}
      {open ? <VoteDrawer vote={open} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
