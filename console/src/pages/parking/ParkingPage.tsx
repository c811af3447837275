import { useState } from 'react'
import { Button, Card, MessagePlugin, Radio, Table, Tabs, Tag } from 'tdesign-react'
import type { EventViewT, LotViewT } from '@contracts/parking'
import { EVENT_EXCEPTION_LABELS, SESSION_KIND_LABELS } from '@contracts/parking-labels'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime, minutesText } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { BlacklistTab } from './BlacklistTab'
import { LotDialog } from './LotDialog'
import { OpenDialog } from './OpenDialog'
import { SpaceDialog } from './SpaceDialog'
import { SpacesTab } from './SpacesTab'

const DIRECTION_LABELS: Record<EventViewT['direction'], string> = { in: '入口', out: '出口', manual: '人工' }

/** The selected lot's tabs: the cars inside, its spaces, its blacklist. */
const LOT_TABS = ['sessions', 'spaces', 'blacklist'] as const
type LotTab = (typeof LOT_TABS)[number]

/** The lot's figures: cars inside, of them temporary against the temporary spaces, and what waits for staff. */
function LotCard({ lot, operator, onSettings, onOpen }: { lot: LotViewT; operator: boolean; onSettings: () => void; onOpen: () => void }) {
  const free = Math.max(0, lot.capacity - lot.temporary)
  return (
    <Card
      bordered={false}
      title={lot.name}
      className='parking-lot'
      actions={
        <div className='cell-inline'>
          <Button id={`lot-open-${lot.id}`} variant='outline' onClick={onOpen}>
            手动抬杆
          </Button>
          {operator ? (
            <Button id={`lot-settings-${lot.id}`} variant='text' theme='primary' onClick={onSettings}>
              停车场设置
            </Button>
          ) : null}
        </div>
      }
    >
      <div className='stats'>
        <Stat label='在场车辆' value={`${lot.occupied} 辆`} />
        <Stat label='临停 / 访客' value={`${lot.temporary} 辆`} />
        <Stat label='临停余位' value={`${free} / ${lot.capacity}`} />
        <Stat label='待处理异常' value={`${lot.openExceptions} 条`} />
      </div>
      <div className='muted parking-rule'>
        首小时 {formatFen(lot.rule.firstHourFen)}，之后每小时 {formatFen(lot.rule.perHourFen)}，{lot.rule.freeMinutes} 分钟内免费
        {lot.rule.dailyCapFen !== null ? `，24 小时封顶 ${formatFen(lot.rule.dailyCapFen)}` : ''}
        {lot.rule.night ? `；夜间 ${lot.rule.night.start}–${lot.rule.night.end} 每小时 ${formatFen(lot.rule.night.perHourFen)}` : ''}
        ；缴费后 {lot.graceMinutes} 分钟内离场{lot.monthlyFen !== null ? `；月卡 ${formatFen(lot.monthlyFen)}/月` : ''}
      </div>
    </Card>
  )
}

function Sessions({ lot, version }: { lot: LotViewT; version: number }) {
  const { community } = useConsole()
  const q = useQuery(() => api.parking.sessions({ lotId: lot.id }), [community.id, lot.id, version])
  const now = Date.now()
  return (
    <PageShell query={q}>
      {(d) => (
        <Card
          bordered={false}
          title={`在场车辆 · ${lot.name}`}
          actions={
            <ExportButtons
              id='export-parking-sessions'
              fileName={`${community.name}-${lot.name}-在场车辆`}
              header={['车牌', '类型', '入场时间', '停车时长', '停车费（元）', '已缴（元）', '应缴（元）']}
              rows={() =>
                d.sessions.map((s) => [
                  s.plate,
                  SESSION_KIND_LABELS[s.kind],
                  formatDateTime(s.enteredAt),
                  minutesText((now - s.enteredAt) / 60_000),
                  formatFen(s.feeFen, { symbol: false }),
                  formatFen(s.paidFen, { symbol: false }),
                  formatFen(s.dueFen, { symbol: false })
                ])
              }
            />
          }
        >
          <Table
            className='parking-sessions'
            rowKey='id'
            data={d.sessions}
            loading={q.refreshing}
            empty='场内暂无车辆'
            columns={[
              { colKey: 'plate', title: '车牌', width: 130 },
              { colKey: 'kind', title: '类型', width: 80, cell: ({ row }) => <Tag variant='light' theme={row.kind === 'temporary' ? 'warning' : 'primary'}>{SESSION_KIND_LABELS[row.kind]}</Tag> },
              { colKey: 'enteredAt', title: '入场时间', width: 160, cell: ({ row }) => formatDateTime(row.enteredAt) },
              { colKey: 'duration', title: '停车时长', width: 140, cell: ({ row }) => minutesText((now - row.enteredAt) / 60_000) },
              { colKey: 'feeFen', title: '停车费', width: 100, cell: ({ row }) => formatFen(row.feeFen) },
              { colKey: 'paidFen', title: '已缴', width: 100, cell: ({ row }) => (row.paidFen > 0 ? formatFen(row.paidFen) : '—') },
              {
                colKey: 'dueFen',
                title: '状态',
                cell: ({ row }) =>
                  row.dueFen > 0 ? (
                    <span>待缴 {formatFen(row.dueFen)}</span>
                  ) : row.graceUntil !== null && row.graceUntil > now ? (
                    <Tag theme='success' variant='light'>已缴，{formatDateTime(row.graceUntil).slice(11)} 前离场</Tag>
                  ) : (
                    <span className='muted'>无需缴费</span>
                  )
              }
            ]}
          />
        </Card>
      )}
    </PageShell>
  )
}

/** 停车场: each lot's occupancy, the exceptions queue with 手动抬杆, and per lot the cars inside, its spaces and its blacklist; operators set up lots and spaces. */
export function ParkingPage() {
  const { community } = useConsole()
  const operator = community.roles.includes('operator')
  const lots = useQuery(() => api.parking.occupancy({}), [community.id])
  const queue = useQuery(() => api.parking.exceptions({}), [community.id])
  const [lotId, setLotId] = useState('')
  const [editing, setEditing] = useState<LotViewT | 'new' | null>(null)
  const [opening, setOpening] = useState<{ lot: LotViewT; event: EventViewT | null } | null>(null)
  const [addingSpace, setAddingSpace] = useState(false)
  const [tab, setTab] = useState<LotTab>('sessions')
  // A manual opening ends a stay at the exit: the cars-inside table is asked again with the rest.
  const [version, setVersion] = useState(0)
  const reload = () => {
    setVersion((v) => v + 1)
    void lots.reload()
    void queue.reload()
  }

  return (
    <PageShell
      query={lots}
      empty={(d) =>
        d.lots.length === 0
          ? { title: '还没有停车场', hint: operator ? '新建停车场，设置收费标准后，道闸即可按车牌放行和计费' : '请联系运营人员新建停车场', ...(operator ? { action: { text: '新建停车场', onClick: () => setEditing('new') } } : {}) }
          : null
      }
    >
      {(d) => {
        const lot = d.lots.find((l) => l.id === lotId) ?? d.lots[0]
        const lotOf = (id: string) => d.lots.find((l) => l.id === id)
        return (
          <div className='parking-page'>
            {operator ? (
              <div className='toolbar'>
                <Button id='lot-new' variant='outline' onClick={() => setEditing('new')}>
                  新建停车场
                </Button>
                <Button id='space-new' variant='outline' onClick={() => setAddingSpace(true)}>
                  登记车位
                </Button>
                <span className='toolbar__hint'>车位登记到房屋后，住户可在小程序「智能停车 → 我的车位」登记车牌、办理月卡</span>
              </div>
            ) : null}
            <div className='parking-lots'>
              {d.lots.map((l) => (
                <LotCard key={l.id} lot={l} operator={operator} onSettings={() => setEditing(l)} onOpen={() => setOpening({ lot: l, event: null })} />
              ))}
            </div>
            <PageShell query={queue}>
              {(x) => (
                <Card bordered={false} title='异常待处理' className='parking-queue'>
                  <Table
                    className='parking-exceptions'
                    rowKey='id'
                    data={x.events}
                    loading={queue.refreshing}
                    empty='没有待处理的异常'
                    columns={[
                      { colKey: 'at', title: '时间', width: 160, cell: ({ row }) => formatDateTime(row.at) },
                      { colKey: 'lot', title: '停车场', width: 110, cell: ({ row }) => lotOf(row.lotId)?.name ?? '—' },
                      { colKey: 'direction', title: '道闸', width: 70, cell: ({ row }) => DIRECTION_LABELS[row.direction] },
                      { colKey: 'plate', title: '车牌', width: 120, cell: ({ row }) => row.plate ?? '未识别' },
                      { colKey: 'exception', title: '异常', width: 170, cell: ({ row }) => <Tag theme='warning' variant='light'>{row.exception ? EVENT_EXCEPTION_LABELS[row.exception] : '待核实'}</Tag> },
                      { colKey: 'message', title: '道闸答复', ellipsis: true, cell: ({ row }) => `${row.message}${row.dueFen ? `（应缴 ${formatFen(row.dueFen)}）` : ''}` },
                      {
                        colKey: 'op',
                        title: '处理',
                        width: 110,
                        cell: ({ row }) => {
                          const at = lotOf(row.lotId)
                          return at ? (
                            <Button id={`exception-open-${row.plate ?? row.id}`} size='small' theme='primary' variant='outline' onClick={() => setOpening({ lot: at, event: row })}>
                              手动抬杆
                            </Button>
                          ) : null
                        }
                      }
                    ]}
                  />
                </Card>
              )}
            </PageShell>
            {d.lots.length > 1 ? (
              <div className='toolbar'>
                <Radio.Group variant='default-filled' value={lot?.id ?? ''} onChange={(v) => setLotId(String(v))}>
                  {d.lots.map((l) => (
                    <Radio.Button key={l.id} value={l.id}>
                      {l.name}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </div>
            ) : null}
            {lot ? (
              <Tabs className='parking-tabs' value={tab} onChange={(v) => setTab(LOT_TABS.find((t) => t === v) ?? 'sessions')}>
                <Tabs.TabPanel value='sessions' label='在场车辆' destroyOnHide={false}>
                  <Sessions lot={lot} version={version} />
                </Tabs.TabPanel>
                <Tabs.TabPanel value='spaces' label='车位' lazy destroyOnHide={false}>
                  <SpacesTab lot={lot} lots={d.lots} version={version} />
                </Tabs.TabPanel>
                <Tabs.TabPanel value='blacklist' label='黑名单' lazy destroyOnHide={false}>
                  <BlacklistTab lot={lot} version={version} />
                </Tabs.TabPanel>
              </Tabs>
            ) : null}
            {editing ? (
              <LotDialog
                lot={editing === 'new' ? null : editing}
                onClose={(saved) => {
                  setEditing(null)
                  if (saved) reload()
                }}
              />
            ) : null}
            {opening ? (
              <OpenDialog
                lot={opening.lot}
                event={opening.event}
                onClose={(opened) => {
                  setOpening(null)
                  if (!opened) return
                  void MessagePlugin.success('已抬杆，操作已记录')
                  reload()
                }}
              />
            ) : null}
            {addingSpace ? (
              <SpaceDialog
                lots={d.lots}
                onClose={(saved) => {
                  setAddingSpace(false)
                  if (!saved) return
                  void MessagePlugin.success(`车位 ${saved} 已登记`)
                  setVersion((v) => v + 1)
                }}
              />
            ) : null}
          </div>
        )
      }}
    </PageShell>
  )
}
