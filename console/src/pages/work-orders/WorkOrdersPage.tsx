import { useState } from 'react'
import { Button, Card, MessagePlugin, Radio, Select } from 'tdesign-react'
import { CHANNELS, CHANNEL_LABELS, WORK_STATUS_LABELS, WORK_TYPES, WORK_TYPE_LABELS, type Channel, type WorkOrderViewT, type WorkType } from '@contracts/desk-work'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { DeskStatsCard } from './DeskStatsCard'
import { SlaDialog } from './SlaDialog'
import { stageText } from './stage-tags'
import { WorkOrderDrawer } from './WorkOrderDrawer'
import { WorkOrderTable } from './WorkOrderTable'

const VIEWS = [
  { value: 'active', label: '处理中' },
  { value: 'breached', label: '已超时' },
  { value: 'visit', label: '待回访' },
  { value: 'all', label: '全部' }
] as const
type View = (typeof VIEWS)[number]['value']

/**
 * Every work order of the community, from every channel: SLA compliance over 30 days on top, then
 * the list by view (in progress, breached, awaiting the return visit), a page at a time.
 */
export function WorkOrdersPage() {
  const { community } = useConsole()
  const [view, setView] = useState<View>('active')
  const [type, setType] = useState<WorkType | null>(null)
  const [channel, setChannel] = useState<Channel | null>(null)
  const [pages, setPages] = useState<WorkOrderViewT[][]>([])
  const [next, setNext] = useState<string | null>(null)
  const [open, setOpen] = useState<WorkOrderViewT | null>(null)
  const [editingSla, setEditingSla] = useState(false)
  const q = useQuery(async () => {
    const r = await api.desk.workOrders({ view, type, channel })
    if (r.ok) {
      setPages([])
      setNext(r.data.next)
    }
    return r
  }, [community.id, view, type, channel])
  const stats = useQuery(() => api.desk.deskStats({ days: 30 }), [community.id])
  const rules = useQuery(() => api.desk.slaRules({}), [community.id])
  const canEditSla = community.roles.includes('operator')
  const now = Date.now()

  const more = async () => {
    if (!next) return
    const r = await api.desk.workOrders({ view, type, channel, cursor: next })
    if (!r.ok) return void MessagePlugin.error(r.error.message)
    setPages((p) => [...p, r.data.workOrders])
    setNext(r.data.next)
  }

  return (
    <div className='stack'>
      <DeskStatsCard query={stats} />
      <Card
        bordered={false}
        title='工单'
        actions={
          <span className='cell-inline'>
            {canEditSla ? (
              <Button id='sla-edit' variant='outline' onClick={() => setEditingSla(true)}>
                SLA 时限
              </Button>
            ) : null}
            <ExportButtons
              id='export-work-orders'
              fileName={`${community.name}-工单`}
              header={['工单号', '登记时间', '房屋', '类型', '情况', '来源', '处理人', '状态', 'SLA', '回访']}
              rows={() =>
                [...(q.data?.workOrders ?? []), ...pages.flat()].map((w) => [
                  w.no,
                  formatDateTime(w.createdAt),
                  w.householdLabel,
                  w.typeLabel,
                  w.text,
                  w.channelLabel,
                  w.assignee?.name ?? '',
                  WORK_STATUS_LABELS[w.status],
                  w.stages.map((s) => stageText(s, now)).join('；'),
                  w.visit ? `${w.visit.score ?? ''} 分 ${w.visit.note}` : ''
                ])
              }
            />
          </span>
        }
      >
        <div className='toolbar'>
          <Radio.Group variant='default-filled' value={view} onChange={(v) => setView(VIEWS.find((x) => x.value === v)?.value ?? 'active')}>
            {VIEWS.map((v) => (
              <Radio.Button key={v.value} value={v.value}>
                {v.label}
              </Radio.Button>
            ))}
          </Radio.Group>
          <Select clearable placeholder='全部类型' style={{ width: 140 }} value={type ?? undefined} onChange={(v) => setType(WORK_TYPES.find((t) => t === v) ?? null)} options={WORK_TYPES.map((t) => ({ label: WORK_TYPE_LABELS[t], value: t }))} />
          <Select clearable placeholder='全部来源' style={{ width: 140 }} value={channel ?? undefined} onChange={(v) => setChannel(CHANNELS.find((c) => c === v) ?? null)} options={CHANNELS.map((c) => ({ label: CHANNEL_LABELS[c], value: c }))} />
        </div>
        <PageShell query={q}>
          {(d) => (
            <>
              <WorkOrderTable rows={[...d.workOrders, ...pages.flat()]} now={now} loading={q.refreshing} empty='没有符合条件的工单' onOpen={setOpen} />
              {next ? (
                <div className='load-more'>
                  <Button variant='text' theme='primary' onClick={() => void more()}>
                    加载更多
                  </Button>
                </div>
              ) : null}
            </>
          )}
        </PageShell>
      </Card>
      {open ? (
        <WorkOrderDrawer
          workOrder={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            void q.reload()
            void stats.reload()
          }}
        />
      ) : null}
      {editingSla && rules.data ? (
        <SlaDialog
          rules={rules.data.rules}
          onClose={(saved) => {
            setEditingSla(false)
            if (saved) {
              void MessagePlugin.success('已保存，之后登记或重开的工单按新时限计时')
              void rules.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
