import { useState } from 'react'
import { Card, DateRangePicker, Select, Space, Table, Tag } from 'tdesign-react'
import { CHURN_CASE_LABELS, CHURN_CASE_STATUSES, type ChurnCaseStatus } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { BarChart } from '../../shell/BarChart'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { DeskStatsCard } from '../work-orders/DeskStatsCard'
import { MarginCard } from './MarginCard'
import { useQuery } from '../../shell/use-query'

type Dashboard = OutputOf<'insights.dashboard'>
type Figures = Dashboard['figures']

const DAY = 24 * 3600_000
const bp = (v: number | null) => (v === null ? '—' : `${(v / 100).toFixed(1)}%`)
const yuan = (fen: number) => formatFen(fen, { symbol: false, grouping: false })
const CASE_THEME: Record<ChurnCaseStatus, 'warning' | 'primary' | 'success' | 'default'> = { open: 'warning', followed: 'primary', reactivated: 'success', lost: 'default' }

/** Parking is revenue of its own beside orders: temporary stays and monthly cards, net of refunds. */
function parkingCards(f: Figures, p: Figures) {
  return [
    { label: '临停收入', value: formatFen(f.parkingStayFen), now: f.parkingStayFen, before: p.parkingStayFen },
    { label: '临停缴费', value: `${f.parkingStays} 笔`, now: f.parkingStays, before: p.parkingStays },
    { label: '月卡收入', value: formatFen(f.parkingCardFen), now: f.parkingCardFen, before: p.parkingCardFen },
    { label: '月卡售出', value: `${f.parkingCards} 张`, now: f.parkingCards, before: p.parkingCards }
  ]
}

/** One figure beside the same figure over the range just before: up, down or level. */
function Figure({ label, value, now, before }: { label: string; value: string; now: number | null; before: number | null }) {
  const trend = now === null || before === null || now === before ? null : now > before ? 'up' : 'down'
  return (
    <div className='stat'>
      <div className='stat__label'>{label}</div>
      <div className='stat__value'>
        {value}
        {trend ? <span className={`trend trend--${trend}`}>{trend === 'up' ? '↑' : '↓'}</span> : null}
      </div>
    </div>
  )
}

function figureCards(f: Figures, p: Figures) {
  return [
    { label: '订单', value: String(f.orders), now: f.orders, before: p.orders },
    { label: '成交额', value: formatFen(f.gmvFen), now: f.gmvFen, before: p.gmvFen },
    { label: '客单价', value: f.aovFen === null ? '—' : formatFen(f.aovFen), now: f.aovFen, before: p.aovFen },
    { label: '回购率', value: bp(f.repurchaseBp), now: f.repurchaseBp, before: p.repurchaseBp },
    { label: '物业费收缴率', value: bp(f.collectionBp), now: f.collectionBp, before: p.collectionBp },
    { label: '服务评分', value: f.serviceRating100 === null ? '—' : (f.serviceRating100 / 100).toFixed(2), now: f.serviceRating100, before: p.serviceRating100 }
  ]
}

/** The operator's figures over a range (sales, repurchase, collection, ratings, invitations) and the households drifting away. */
export function InsightsPage() {
  const { community } = useConsole()
  const [range, setRange] = useState(() => [formatDate(Date.now() - 29 * DAY), formatDate(Date.now())] as const)
  const [scope, setScope] = useState<'community' | 'all'>('community')
  const [status, setStatus] = useState<ChurnCaseStatus | ''>('')
  const board = useQuery(() => api.insights.dashboard({ scope, from: range[0], to: range[1] }), [community.id, scope, range[0], range[1]])
  const cases = useQuery(() => api.insights.churnCases(status ? { status } : {}), [community.id, status])
  const desk = useQuery(() => api.desk.deskStats({ days: 30 }), [community.id])

  return (
    <div className='stack'>
      <PageShell query={board}>
        {(d) => (
          <>
            <Card
              bordered={false}
              title='经营看板'
              subtitle={`${d.from} 至 ${d.to}${d.computedAt ? `，数据更新于 ${formatDate(d.computedAt)}` : ''}；箭头与上一段同样长的时间相比。`}
              actions={
                <Space size={8}>
                  <Select
                    className='insights-scope'
                    style={{ width: 140 }}
                    value={scope}
                    onChange={(v) => setScope(v === 'all' ? 'all' : 'community')}
                    options={[
                      { value: 'community', label: '本社区' },
                      { value: 'all', label: '全部社区' }
                    ]}
                  />
                  <DateRangePicker className='insights-range' value={[...range]} onChange={(v) => v.length === 2 && setRange([String(v[0]), String(v[1])] as const)} />
                </Space>
              }
            >
              <div className='stats stats--six' id='insights-figures'>
                {figureCards(d.figures, d.previous).map((c) => (
                  <Figure key={c.label} {...c} />
                ))}
              </div>
              <div className='chart-title'>停车收入（按缴费日，已扣除退款）</div>
              <div className='stats' id='insights-parking'>
                {parkingCards(d.figures, d.previous).map((c) => (
                  <Figure key={c.label} {...c} />
                ))}
              </div>
              <div className='chart-title'>每日成交额</div>
              <BarChart id='insights-gmv' points={d.days.map((x) => ({ label: x.day.slice(5), value: x.gmvFen }))} format={(v) => formatFen(v)} />
              <div className='stats' id='insights-funnel'>
                <Figure label='邀请访问' value={`${d.funnel.visits} 人`} now={null} before={null} />
                <Figure label='报名 / 下单' value={`${d.funnel.signups} / ${d.funnel.orders}`} now={null} before={null} />
                <Figure label='转化住户' value={`${d.funnel.converted} 户`} now={null} before={null} />
                <Figure label='其中复购' value={`${d.funnel.repeat} 户`} now={null} before={null} />
              </div>
            </Card>
            <Card
              bordered={false}
              title='业务线'
              actions={
                <ExportButtons
                  id='export-lines-sales'
                  fileName={`${community.name}-${d.from}-${d.to}-业务线`}
                  header={['业务线', '订单', '成交额（元）']}
                  rows={() => d.lines.map((l) => [l.label, l.orders, yuan(l.gmvFen)])}
                />
              }
            >
              <Table
                className='insights-lines'
                rowKey='line'
                data={d.lines}
                empty='这段时间没有成交'
                columns={[
                  { colKey: 'label', title: '业务线' },
                  { colKey: 'orders', title: '订单', align: 'right', width: 120 },
                  { colKey: 'gmvFen', title: '成交额', align: 'right', width: 160, cell: ({ row }) => formatFen(row.gmvFen) }
                ]}
              />
            </Card>
            <Card
              bordered={false}
              title='网格管家'
              actions={
                <ExportButtons
                  id='export-butlers'
                  fileName={`${community.name}-${d.from}-${d.to}-网格管家`}
                  header={['管家', '任务完成率', '跟进（次）', '召回（户）', '问卷回收率']}
                  rows={() => d.butlers.map((b) => [b.name, bp(b.completionBp), b.followUps, b.reactivated, b.surveyRateBp === null ? '' : bp(b.surveyRateBp)])}
                />
              }
            >
              <Table
                className='insights-butlers'
                rowKey='butlerUserId'
                data={d.butlers}
                empty='还没有管家数据'
                columns={[
                  { colKey: 'name', title: '管家' },
                  { colKey: 'completionBp', title: '任务完成率', align: 'right', width: 140, cell: ({ row }) => bp(row.completionBp) },
                  { colKey: 'followUps', title: '跟进', align: 'right', width: 120, cell: ({ row }) => `${row.followUps} 次` },
                  { colKey: 'reactivated', title: '召回', align: 'right', width: 120, cell: ({ row }) => `${row.reactivated} 户` },
                  { colKey: 'surveyRateBp', title: '问卷回收率', align: 'right', width: 130, cell: ({ row }) => (row.surveyRateBp === null ? '—' : bp(row.surveyRateBp)) }
                ]}
              />
            </Card>
            {d.scope === 'all' ? (
              <Card bordered={false} title='各社区'>
                <Table
                  className='insights-communities'
                  rowKey='communityId'
                  data={d.communities}
                  columns={[
                    { colKey: 'name', title: '社区' },
                    { colKey: 'orders', title: '订单', align: 'right', width: 100 },
                    { colKey: 'gmvFen', title: '成交额', align: 'right', width: 140, cell: ({ row }) => formatFen(row.gmvFen) },
                    { colKey: 'aovFen', title: '客单价', align: 'right', width: 120, cell: ({ row }) => (row.aovFen === null ? '—' : formatFen(row.aovFen)) },
                    { colKey: 'repurchaseBp', title: '回购率', align: 'right', width: 110, cell: ({ row }) => bp(row.repurchaseBp) },
                    { colKey: 'collectionBp', title: '收缴率', align: 'right', width: 110, cell: ({ row }) => bp(row.collectionBp) },
                    { colKey: 'atRisk', title: '流失预警', align: 'right', width: 110, cell: ({ row }) => `${row.atRisk} 户` }
                  ]}
                />
              </Card>
            ) : null}
          </>
        )}
      </PageShell>
      <DeskStatsCard query={desk} />
      {community.roles.some((r) => r === 'operator' || r === 'finance') ? <MarginCard /> : null}
      <PageShell query={cases}>
        {(c) => (
          <Card
            bordered={false}
            title='流失预警'
            subtitle={`待跟进 ${c.outcomes.open} 户，已跟进 ${c.outcomes.followed} 户，已召回 ${c.outcomes.reactivated} 户${c.outcomes.reactivationBp === null ? '' : `（召回率 ${bp(c.outcomes.reactivationBp)}）`}；管家在小程序里跟进。`}
            actions={
              <Space size={8}>
                <Select
                  className='cases-status'
                  style={{ width: 140 }}
                  value={status}
                  onChange={(v) => setStatus(CHURN_CASE_STATUSES.find((s) => s === v) ?? '')}
                  options={[{ value: '', label: '全部状态' }, ...CHURN_CASE_STATUSES.map((s) => ({ value: s, label: CHURN_CASE_LABELS[s] }))]}
                />
                <ExportButtons
                  id='export-cases'
                  fileName={`${community.name}-流失预警`}
                  header={['房屋', '管家', '风险分', '原因', '状态', '预警时间', '跟进时间']}
                  rows={() => c.cases.map((x) => [x.label, x.butlerName, x.score, x.reasons.map((r) => r.label).join('；'), x.statusLabel, formatDate(x.openedAt), x.followedAt ? formatDate(x.followedAt) : ''])}
                />
              </Space>
            }
          >
            <Table
              className='cases-table'
              rowKey='caseId'
              data={c.cases}
              empty='没有流失预警'
              pagination={c.cases.length > 20 ? { defaultPageSize: 20, total: c.cases.length } : undefined}
              columns={[
                { colKey: 'label', title: '房屋', width: 130 },
                { colKey: 'butlerName', title: '管家', width: 110 },
                { colKey: 'score', title: '风险分', align: 'right', width: 90 },
                { colKey: 'reasons', title: '原因', ellipsis: true, cell: ({ row }) => row.reasons.map((r) => r.label).join('；') },
                {
                  colKey: 'status',
                  title: '状态',
                  width: 100,
                  cell: ({ row }) => (
                    <Tag theme={CASE_THEME[row.status]} variant='light'>
                      {row.statusLabel}
                    </Tag>
                  )
                },
                { colKey: 'openedAt', title: '预警时间', width: 120, cell: ({ row }) => formatDate(row.openedAt) },
                { colKey: 'followedAt', title: '跟进时间', width: 120, cell: ({ row }) => (row.followedAt ? formatDate(row.followedAt) : '—') }
              ]}
            />
          </Card>
        )}
      </PageShell>
    </div>
  )
}
