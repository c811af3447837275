import { Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { type ReactNode, useMemo, useState } from 'react'
import type { InputOf, OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { SAVED_TEXT, saveCsv } from '../../../../services/csv'
import { pageLink } from '../../../../utils/link'
import { fieldError, toastError } from '../../../../services/result'
import { ButtonRow, Cell, CellGroup, Chip, Icon, Section, Segmented, type SegmentedOption, StatGrid } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { Chart } from '../../chart/Chart'
import { dailyChart, funnelChart, linesChart } from '../../chart/specs'
import {
  CUSTOM_MAX_DAYS,
  type DeltaKind,
  PRESETS,
  type PresetKey,
  type Range,
  addDays,
  bpText,
  dayOf,
  daysBetween,
  delta,
  digest,
  monthRanges,
  presetRange,
  rangeLabel,
  ratingText,
  stampText,
  windowLabel,
  yuanText
} from '../../format'
import { INSIGHTS_ADMIN_PKG } from '../../links'
import '../../insights-admin.scss'

type Dashboard = OutputOf<'insights.dashboard'>
type Figures = Dashboard['figures']
type Scope = NonNullable<InputOf<'insights.dashboard'>['scope']>
const SCOPES: SegmentedOption<Scope>[] = [{ value: 'community', label: '本社区' }, { value: 'all', label: '全部社区' }]

/**
 * A small table: the first column takes the room left and wraps, the figures keep to the right.
 * Nothing is cut off when the type grows.
 */
function Table({ head, rows }: { head: string[]; rows: { id: string; cells: ReactNode[] }[] }) {
  if (rows.length === 0) return null
  return (
    <View className='ia-table'>
      <View className='ia-table-row ia-table-row--head'>
        {head.map((h, i) => (
          <Text key={h} className={i === 0 ? 'ia-table-row__main' : 'ia-table-row__num'}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r) => (
        <View key={r.id} className='ia-table-row' id={r.id}>
          {r.cells.map((c, i) => (
            <View key={i} className={i === 0 ? 'ia-table-row__main' : 'ia-table-row__num'}>
              {c}
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

type Pick = { kind: 'preset'; key: PresetKey } | { kind: 'month'; month: string } | { kind: 'custom' }

interface Figure {
  id: string
  label: string
  value: string
  kind: DeltaKind
  current: number | null
  previous: number | null
  sub?: string
  hint?: string
}

function FigureCard(props: Figure) {
  const d = delta(props.kind, props.current, props.previous)
  return (
    <View className='ia-fig' id={props.id}>
      <Text className='ia-fig__label'>{props.label}</Text>
      <Text className='ia-fig__value' id={`${props.id}-value`}>
        {props.value}
      </Text>
      {d ? (
        <Text className={`ia-delta ia-delta--${d.dir}`} id={`${props.id}-delta`}>
          {d.text}
          <Text className='ia-delta__vs'>较上期</Text>
        </Text>
      ) : null}
      {props.sub ? <Text className='ia-fig__sub'>{props.sub}</Text> : null}
      {props.hint ? <Text className='ia-hint'>{props.hint}</Text> : null}
    </View>
  )
}

/** One end of the custom range: a day (YYYY-MM-DD in Shanghai) no later than `end`. */
function DayPicker({ id, value, end, onChange }: { id: string; value: string; end: string; onChange: (day: string) => void }) {
  return (
    <Picker mode='date' value={value} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className='ia-picker' id={id}>
        <Icon name='calendar' size='s' color='muted' />
        <Text>{value}</Text>
      </View>
    </Picker>
  )
}

function figureCards(f: Figures, p: Figures, storedWindow: boolean) {
  // Repurchase is not additive over days: only the windows the nightly pass stores have one.
  const repurchaseHint =
    f.repurchaseBp !== null
      ? undefined
      : storedWindow
        ? '该区间暂无回购统计（有社区尚无订单记录）'
        : '回购率按「近7天/近30天/近90天/近一年」或自然月统计，请选这些区间查看'
  const figures: Figure[] = [
    { id: 'fig-orders', label: '订单数', value: String(f.orders), kind: 'count', current: f.orders, previous: p.orders },
    { id: 'fig-gmv', label: 'GMV', value: yuanText(f.gmvFen), kind: 'count', current: f.gmvFen, previous: p.gmvFen },
    { id: 'fig-aov', label: '客单价', value: yuanText(f.aovFen), kind: 'count', current: f.aovFen, previous: p.aovFen },
    {
      id: 'fig-repurchase',
      label: f.repurchaseWindow ? `回购率（${windowLabel(f.repurchaseWindow)}）` : '回购率',
      value: bpText(f.repurchaseBp),
      kind: 'bp',
      current: f.repurchaseBp,
      previous: p.repurchaseBp,
      sub: f.repurchaseBp !== null && f.repeaters !== null && f.purchasers !== null ? `${f.repeaters} / ${f.purchasers} 户下单 2 次以上` : undefined,
      hint: repurchaseHint
    },
    {
      id: 'fig-collection',
      label: '物业费收缴率',
      value: bpText(f.collectionBp),
      kind: 'bp',
      current: f.collectionBp,
      previous: p.collectionBp,
      sub: f.billedFen ? `实收 ${yuanText(f.collectedFen)} / 应收 ${yuanText(f.billedFen)}` : '区间内没有账单'
    },
    { id: 'fig-service', label: '服务满意度', value: ratingText(f.serviceRating100), kind: 'rating', current: f.serviceRating100, previous: p.serviceRating100, sub: `${f.serviceRatings} 条服务评价（满分 5）` },
    { id: 'fig-event', label: '活动满意度', value: ratingText(f.eventRating100), kind: 'rating', current: f.eventRating100, previous: p.eventRating100, sub: `${f.eventRatings} 条活动反馈（满分 5）` },
    // Parking is money but no household's order: beside the orders, never inside GMV.
    { id: 'fig-parking-stays', label: '临停收入', value: yuanText(f.parkingStayFen), kind: 'count', current: f.parkingStayFen, previous: p.parkingStayFen, sub: `${f.parkingStays} 笔缴费，已扣退款` },
    { id: 'fig-parking-cards', label: '月卡收入', value: yuanText(f.parkingCardFen), kind: 'count', current: f.parkingCardFen, previous: p.parkingCardFen, sub: `${f.parkingCards} 张月卡，已扣退款` }
  ]
  return (
    <View className='ia-figures' id='ia-figures'>
      {figures.map((x) => (
        <FigureCard key={x.id} {...x} />
      ))}
    </View>
  )
}

/** Operator: the business dashboard of this community or of every community they run. */
export default function DashboardPage() {
  const { params } = useRouter()
  // The link's community goes on to the pages opened from here.
  const go = (page: 'churn' | 'segment' | 'rules') => void Taro.navigateTo({ url: pageLink(`${INSIGHTS_ADMIN_PKG}/${page}/index`, { communityId: params.communityId }) })
  const now = useMemo(() => Date.now(), [])
  const months = useMemo(() => monthRanges(now), [now])
  const [scope, setScope] = useState<Scope>('community')
  const [pick, setPick] = useState<Pick>({ kind: 'preset', key: '30d' })
  const [range, setRange] = useState<Range>(() => presetRange('30d', now))
  const [custom, setCustom] = useState<Range>(() => presetRange('30d', now))
  const q = useQuery(() => api.insights.dashboard({ scope, from: range.from, to: range.to }), [scope, range.from, range.to])
  const [exporting, setExporting] = useState(false)

  const choosePreset = (key: PresetKey) => {
    setPick({ kind: 'preset', key })
    setRange(presetRange(key, now))
  }
  const chooseMonth = (index: number) => {
    const m = months[index]
    if (!m) return
    setPick({ kind: 'month', month: m.month })
    setRange({ from: m.from, to: m.to })
  }
  const customError = (r: Range): string | null => {
    if (r.from > r.to) return '开始日期不能晚于结束日期'
    if (daysBetween(r.from, r.to) + 1 > CUSTOM_MAX_DAYS) return `区间最长 ${CUSTOM_MAX_DAYS} 天`
    return null
  }
  const chooseCustom = (next: Range) => {
    setCustom(next)
    setPick({ kind: 'custom' })
    if (!customError(next)) setRange(next)
  }

  const doExport = async () => {
    setExporting(true)
    const r = await api.insights.exportCsv({ scope, from: range.from, to: range.to })
    if (!r.ok) {
      setExporting(false)
      return toastError(r.error)
    }
    const saved = await saveCsv(r.data.fileName, r.data.csv)
    setExporting(false)
    if (SAVED_TEXT[saved]) void Taro.showToast({ title: SAVED_TEXT[saved], icon: 'none' })
  }

  const today = dayOf(now)
  const monthIndex = pick.kind === 'month' ? months.findIndex((m) => m.month === pick.month) : -1
  const invalidCustom = pick.kind === 'custom' ? customError(custom) : null
  const serverRangeError = fieldError(q.error, 'from') ?? fieldError(q.error, 'to')

  const filters = (data: Dashboard) => (
    <Section id='ia-filters'>
      <Segmented<Scope> id='scope' value={scope} options={SCOPES} onChange={setScope} />
      <View className='ia-chips'>
        {PRESETS.map((p) => (
          <Text
            key={p.key}
            id={`range-${p.key}`}
            className={`ia-chip ${pick.kind === 'preset' && pick.key === p.key ? 'ia-chip--on' : ''}`}
            onClick={() => choosePreset(p.key)}
          >
            {p.label}
          </Text>
        ))}
        <Picker mode='selector' range={months.map((m) => m.label)} value={Math.max(0, monthIndex)} onChange={(e) => chooseMonth(Number(e.detail.value))}>
          <View id='range-month' className={`ia-chip ${pick.kind === 'month' ? 'ia-chip--on' : ''}`}>
            <Text>{monthIndex >= 0 ? months[monthIndex]?.label : '按月'}</Text>
            <Icon name='arrow-down' size='xs' />
          </View>
        </Picker>
        <Text id='range-custom' className={`ia-chip ${pick.kind === 'custom' ? 'ia-chip--on' : ''}`} onClick={() => chooseCustom(custom)}>
          自定义
        </Text>
      </View>
      {pick.kind === 'custom' ? (
        <View className='ia-custom'>
          <DayPicker id='custom-from' value={custom.from} end={today} onChange={(from) => chooseCustom({ ...custom, from })} />
          <Text className='ia-custom__to'>至</Text>
          <DayPicker id='custom-to' value={custom.to} end={today} onChange={(to) => chooseCustom({ ...custom, to })} />
        </View>
      ) : null}
      {invalidCustom || serverRangeError ? <Text className='field-error'>{invalidCustom ?? serverRangeError}</Text> : null}
      <View className='ia-range'>
        <Text className='ia-range__text' id='range-label'>
          {rangeLabel(data)}
          {data.to === addDays(today, -1) ? '（截至昨天）' : ''}
        </Text>
        {q.refreshing ? <Text className='ia-updating'>更新中…</Text> : null}
      </View>
      <Text className='ia-note' id='computed-at'>
        {data.computedAt ? `数据更新于 ${stampText(data.computedAt)}` : '数据尚未生成：夜间任务运行后显示'}
      </Text>
    </Section>
  )

  return (
    <PageShell id='ia-dashboard' query={q}>
      {(data) => {
        const f = data.figures
        const stages = [
          { stage: '邀请访问', value: data.funnel.visits },
          { stage: '报名/下单', value: data.funnel.converted },
          { stage: '复购', value: data.funnel.repeat }
        ]
        return (
          <>
            {filters(data)}

            {data.atRisk > 0 && scope === 'community' ? (
              <CellGroup>
                <Cell
                  id='ia-at-risk'
                  icon='warning'
                  title={`流失预警 ${data.atRisk} 户`}
                  desc='查看原因，安排管家跟进'
                  onClick={() => void go('churn')}
                />
              </CellGroup>
            ) : null}

            {figureCards(f, data.previous, pick.kind !== 'custom')}

            <Section title='每日 GMV 与订单' extra={`${data.days.length} 天`}>
              <Chart id='chart-daily' size='m' version={digest([data.from, data.to, data.scope, data.days])} label='每日 GMV 与订单折线图' build={() => dailyChart(data.days)} />
            </Section>

            <Section id='ia-lines' title='服务品类' extra='按 GMV'>
              {data.lines.length ? (
                <Chart
                  id='chart-lines'
                  size={data.lines.length > 4 ? 'm' : 's'}
                  version={digest([data.from, data.to, data.scope, data.lines])}
                  label='各服务品类 GMV 条形图'
                  build={() => linesChart(data.lines)}
                />
              ) : (
                <Text className='ia-note'>区间内没有订单</Text>
              )}
              <Table
                head={['品类', '订单', 'GMV']}
                rows={data.lines.map((l) => ({ id: `line-${l.line}`, cells: [l.label, String(l.orders), yuanText(l.gmvFen)] }))}
              />
            </Section>

            <Section id='ia-funnel' title='邀请转化漏斗' extra='区间内发出的邀请'>
              {data.funnel.visits + data.funnel.converted > 0 ? (
                <Chart id='chart-funnel' size='s' version={digest([data.from, data.to, data.scope, data.funnel])} label='邀请访问、报名下单、复购漏斗图' build={() => funnelChart(stages)} />
              ) : (
                <Text className='ia-note'>区间内没有邀请带来的访问</Text>
              )}
              <StatGrid
                columns={4}
                items={[
                  { label: '邀请访问', value: data.funnel.visits, id: 'funnel-visits' },
                  { label: '活动报名', value: data.funnel.signups },
                  { label: '邀请下单', value: data.funnel.orders },
                  { label: '复购户', value: data.funnel.repeat, id: 'funnel-repeat' }
                ]}
              />
            </Section>

            {scope === 'all' ? (
              <Section id='ia-communities' title='各社区'>
                {data.communities.map((c) => (
                  <View key={c.communityId} className='ia-community' id={`community-${c.communityId}`}>
                    <Text className='ia-community__name'>{c.name}</Text>
                    <StatGrid
                      columns={3}
                      items={[
                        { label: '订单', value: c.orders },
                        { label: 'GMV', value: yuanText(c.gmvFen) },
                        { label: '客单价', value: yuanText(c.aovFen) },
                        { label: '回购率', value: bpText(c.repurchaseBp) },
                        { label: '收缴率', value: bpText(c.collectionBp) },
                        { label: '预警户', value: c.atRisk, tone: c.atRisk ? 'danger' : 'default' }
                      ]}
                    />
                  </View>
                ))}
              </Section>
            ) : null}

            {scope === 'community' ? (
              <Section id='ia-butlers' title='管家表现'>
                {data.butlers.length === 0 ? <Text className='ia-note'>区间内没有管家任务</Text> : null}
                <Table
                  head={['管家', '任务完成', '跟进', '召回']}
                  rows={data.butlers.map((b) => ({ id: `butler-${b.butlerUserId}`, cells: [b.name, bpText(b.completionBp), String(b.followUps), String(b.reactivated)] }))}
                />
              </Section>
            ) : null}

            <Section id='ia-workers' title='师傅口碑'>
              {data.workers.length === 0 ? <Text className='ia-note'>还没有服务师傅</Text> : null}
              <Table
                head={['师傅', '平均分', '评价数']}
                rows={data.workers.map((w) => ({
                  id: `worker-${w.workerId}`,
                  cells: [
                    <View key='name' className='ia-worker'>
                      <Text>{w.name}</Text>
                      {w.outstanding ? <Chip text='优秀' tone='accent' /> : null}
                    </View>,
                    ratingText(w.avg100),
                    String(w.ratings)
                  ]
                }))}
              />
            </Section>

            <ButtonRow stacked>
              <Button id='export-csv' type='primary' loading={exporting} onClick={() => void doExport()}>
                导出每日明细（CSV）
              </Button>
            </ButtonRow>
            <CellGroup title='更多分析'>
              <Cell id='go-churn' icon='warning' title='流失预警' desc='预警住户、原因与召回结果' onClick={() => void go('churn')} />
              <Cell id='go-segments' icon='team' title='住户分群' desc='五类需求的住户，可定向发券' onClick={() => void go('segment')} />
              <Cell id='go-rules' icon='setting' title='分群与预警规则' desc='调整分群条件和预警分数线' onClick={() => void go('rules')} />
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
