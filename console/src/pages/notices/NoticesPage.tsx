import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import type { NoticeEditView, StaffNoticeView } from '@contracts/message'
import { NOTICE_CATEGORY_LABELS, NOTICE_STATE_LABELS, type NoticeState } from '@contracts/message-kinds'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { NoticeDialog } from './NoticeDialog'
import { ReachDrawer } from './ReachDrawer'
import { SmsCard } from './SmsCard'

const STATE_THEMES: Record<NoticeState, 'default' | 'primary' | 'success' | 'warning'> = { scheduled: 'warning', live: 'success', expired: 'default', withdrawn: 'default' }

/**
 * The community's notices (公告): written here or in the mini-program, shown to the households in
 * their audience, with how many homes have read each and where.
 */
export function NoticesPage() {
  const { community } = useConsole()
  const first = useQuery(() => api.message.staffNotices({}), [community.id])
  const options = useQuery(() => api.message.noticeOptions({}), [community.id])
  // Pages after the first, fetched with 加载更多; dropped when the first page loads again.
  const [more, setMore] = useState<{ after: string; items: StaffNoticeView[]; cursor: string | null }[]>([])
  const [loadingMore, setLoadingMore] = useState(false)
  const [editing, setEditing] = useState<{ notice: NoticeEditView | null } | null>(null)
  const [reach, setReach] = useState<StaffNoticeView | null>(null)

  const reload = async () => {
    setMore([])
    await first.reload()
  }
  const edit = async (id: string) => {
    const res = await api.message.editableNotice({ id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    setEditing({ notice: res.data })
  }
  const withdraw = async (n: StaffNoticeView) => {
    const res = await api.message.withdrawNotice({ id: n.id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已撤回「${n.title}」`)
    void reload()
  }

  return (
    <div className='stack'>
      <PageShell query={first}>
        {(d) => {
          // The first page's cursor only counts while the pages after it were fetched from it.
          const chain = more.length > 0 && more[0]?.after === d.cursor ? more : []
          const items = [...d.items, ...chain.flatMap((p) => p.items)]
          const cursor = chain.length ? (chain[chain.length - 1]?.cursor ?? null) : d.cursor
          const loadMore = async () => {
            if (!cursor) return
            setLoadingMore(true)
            const res = await api.message.staffNotices({ cursor })
            setLoadingMore(false)
            if (!res.ok) return void MessagePlugin.error(res.error.message)
            setMore([...chain, { after: cursor, items: res.data.items, cursor: res.data.cursor }])
          }
          return (
            <Card
              bordered={false}
              title={`公告 ${items.length}${cursor ? '+' : ''} 条`}
              subtitle='住户在小程序首页和「消息 · 社区公告」中看到发给自己房屋的公告；重要公告由网格管家跟进未读住户。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-notices'
                    fileName={`${community.name}-公告`}
                    header={['标题', '类别', '状态', '发布范围', '发布时间', '下线时间', '已读户数', '发布人']}
                    rows={() => items.map((n) => [n.title, NOTICE_CATEGORY_LABELS[n.category], NOTICE_STATE_LABELS[n.state], n.audienceLabel, formatDateTime(n.publishAt), n.expiresAt ? formatDateTime(n.expiresAt) : '', n.reads, n.authorName])}
                  />
                  <Button id='notice-new' theme='primary' icon={<AddIcon />} disabled={!options.data} onClick={() => setEditing({ notice: null })}>
                    发布公告
                  </Button>
                </Space>
              }
            >
              <Table
                className='notices-table'
                rowKey='id'
                data={items}
                empty='还没有公告，停水停电、物业通知、社区活动都可以发公告告知住户'
                columns={[
                  {
                    colKey: 'title',
                    title: '公告',
                    cell: ({ row }) => (
                      <Space size={6} align='center'>
                        {row.pinned ? <Tag theme='primary' variant='light'>置顶</Tag> : null}
                        {row.important ? <Tag theme='danger' variant='light'>重要</Tag> : null}
                        <span>{row.title}</span>
                      </Space>
                    )
                  },
                  { colKey: 'category', title: '类别', width: 100, cell: ({ row }) => NOTICE_CATEGORY_LABELS[row.category] },
                  { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATE_THEMES[row.state]} variant='light'>{NOTICE_STATE_LABELS[row.state]}</Tag> },
                  { colKey: 'audienceLabel', title: '发布范围', width: 150, ellipsis: true },
                  { colKey: 'publishAt', title: '发布时间', width: 150, cell: ({ row }) => formatDateTime(row.publishAt) },
                  { colKey: 'reads', title: '已读户数', width: 100, align: 'right' },
                  { colKey: 'authorName', title: '发布人', width: 100 },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 210,
                    cell: ({ row }) => (
                      <Space size={4}>
                        <Button variant='text' theme='primary' onClick={() => setReach(row)}>
                          阅读情况
                        </Button>
                        {row.state !== 'withdrawn' ? (
                          <Button variant='text' theme='primary' disabled={!options.data} onClick={() => void edit(row.id)}>
                            修改
                          </Button>
                        ) : null}
                        {row.state !== 'withdrawn' && row.state !== 'expired' ? (
                          <Popconfirm content={`撤回「${row.title}」？住户将看不到它，撤回后不能再修改。`} onConfirm={() => void withdraw(row)}>
                            <Button variant='text' theme='danger'>
                              撤回
                            </Button>
                          </Popconfirm>
                        ) : null}
                      </Space>
                    )
                  }
                ]}
              />
              {cursor ? (
                <div className='table-more'>
                  <Button id='notices-more' variant='outline' loading={loadingMore} onClick={() => void loadMore()}>
                    加载更多
                  </Button>
                </div>
              ) : null}
            </Card>
          )
        }}
      </PageShell>
      {editing && options.data ? (
        <NoticeDialog
          notice={editing.notice}
          options={options.data}
          onClose={(saved) => {
            setEditing(null)
            if (saved) {
              void MessagePlugin.success(saved)
              void reload()
            }
          }}
        />
      ) : null}
      <SmsCard />
      {reach ? <ReachDrawer notice={reach} onClose={() => setReach(null)} /> : null}
    </div>
  )
}
