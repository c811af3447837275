import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Dashboard, type Figures, type Scope, INSIGHTS_ADMIN_PKG, dashboard, exportCsv } from '../../../../services/insights-admin'
import { fieldError, toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
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
import '../../insights-admin.scss'

type Pick = { kind: 'preset'; key: PresetKey } | { kind: 'month'; month: string } | { kind: 'custom' }

function FigureCard(props: {
  id: string
  label: string
  value: string
  kind: DeltaKind
  current: number | null
  previous: number | null
  sub?: string
  hint?: string
}) {
  const d = delta(props.kind, props.current, props.previous)
  return (
    <View className='ia-fig' id={props.id}>
      <Text className='ia-fig__label'>{props.label}</Text>
      <Text className='ia-fig__value' id={`${props.id}-value`}>
        {props.value}
      </Text>
      {d ? (
        <Text className={`ia-delta ia-delta--${d.dir}`} id={`${props.id}-delta`}>
          {d.text} <Text className='muted'>较上期</Text>
        </Text>
      ) : null}
      {props.sub ? <Text className='ia-fig__sub'>{props.sub}</Text> : null}
      {props.hint ? <Text className='ia-hint'>{props.hint}</Text> : null}
    </View>
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
  return (
    <View className='ia-figures' id='ia-figures'>
      <FigureCard id='fig-orders' label='订单数' value={String(f.orders)} kind='count' current={f.orders} previous={p.orders} />
      <FigureCard id='fig-gmv' label='GMV' value={yuanText(f.gmvFen)} kind='count' current={f.gmvFen} previous={p.gmvFen} />
      <FigureCard id='fig-aov' label='客单价' value={yuanText(f.aovFen)} kind='count' current={f.aovFen} previous={p.aovFen} />
      <FigureCard
        id='fig-repurchase'
        label={f.repurchaseWindow ? `回购率（${windowLabel(f.repurchaseWindow)}）` : '回购率'}
        value={bpText(f.repurchaseBp)}
        kind='bp'
        current={f.repurchaseBp}
        previous={p.repurchaseBp}
        sub={f.repurchaseBp !== null && f.repeaters !== null && f.purchasers !== null ? `${f.repeaters} / ${f.purchasers} 户下单 2 次以上` : undefined}
        hint={repurchaseHint}
      />
      <FigureCard
        id='fig-collection'
        label='物业费收缴率'
        value={bpText(f.collectionBp)}
        kind='bp'
        current={f.collectionBp}
        previous={p.collectionBp}
        sub={f.billedFen ? `实收 ${yuanText(f.collectedFen)} / 应收 ${yuanText(f.billedFen)}` : '区间内没有账单'}
      />
      <FigureCard
        id='fig-service'
        label='服务满意度'
        value={ratingText(f.serviceRating100)}
        kind='rating'
        current={f.serviceRating100}
        previous={p.serviceRating100}
        sub={`${f.serviceRatings} 条服务评价（满分 5）`}
      />
      <FigureCard
        id='fig-event'
        label='活动满意度'
        value={ratingText(f.eventRating100)}
        kind='rating'
        current={f.eventRating100}
        previous={p.eventRating100}
        sub={`${f.eventRatings} 条活动反馈（满分 5）`}
      />
    </View>
  )
}

/** Operator: the business dashboard of this community or of every community they run. */
export default function DashboardPage() {
  const now = useMemo(() => Date.now(), [])
  const months = useMemo(() => monthRanges(now), [now])
  const [scope, setScope] = useState<Scope>('community')
  const [pick, setPick] = useState<Pick>({ kind: 'preset', key: '30d' })
  const [range, setRange] = useState<Range>(() => presetRange('30d', now))
  const [custom, setCustom] = useState<Range>(() => presetRange('30d', now))
  const [data, setData] = useState<Dashboard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(false)
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    let stale = false
    setLoading(true)
    void dashboard({ scope, from: range.from, to: range.to }).then((r) => {
      if (stale) return
      setLoading(false)
      if (r.ok) {
        setData(r.data)
        setError(null)
        return
      }
      setError(r.error)
      // Figures of another range must not stay under this range's label.
      if (!r.error.fields?.length) {
        setData(null)
        toastError(r.error)
      }
    })
    return () => {
      stale = true
    }
  }, [scope, range])

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
    const r = await exportCsv({ scope, from: range.from, to: range.to })
    setExporting(false)
    if (!r.ok) return toastError(r.error)
    const said = { downloaded: '已下载', shared: '已发送', copied: '已复制到剪贴板', cancelled: '' }[r.data.savedAs]
    if (said) void Taro.showToast({ title: said, icon: 'none' })
  }

  const today = dayOf(now)
  const monthIndex = pick.kind === 'month' ? months.findIndex((m) => m.month === pick.month) : -1
  const invalidCustom = pick.kind === 'custom' ? customError(custom) : null
  const serverRangeError = fieldError(error, 'from') ?? fieldError(error, 'to')

  const filters = (
    <View className='card' id='ia-filters'>
      <View className='ia-seg'>
        {(['community', 'all'] as const).map((s) => (
          <Text key={s} id={`scope-${s}`} className={`ia-seg__item ${scope === s ? 'ia-seg__item--on' : ''}`} onClick={() => setScope(s)}>
            {s === 'community' ? '本社区' : '全部社区'}
          </Text>
        ))}
      </View>
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
          <Text id='range-month' className={`ia-chip ${pick.kind === 'month' ? 'ia-chip--on' : ''}`}>
            {monthIndex >= 0 ? months[monthIndex]?.label : '按月'} ▾
          </Text>
        </Picker>
        <Text id='range-custom' className={`ia-chip ${pick.kind === 'custom' ? 'ia-chip--on' : ''}`} onClick={() => chooseCustom(custom)}>
          自定义
        </Text>
      </View>
      {pick.kind === 'custom' ? (
        <View className='ia-custom'>
          <Picker mode='date' value={custom.from} end={today} onChange={(e) => chooseCustom({ ...custom, from: String(e.detail.value) })}>
            <Text className='ia-picker' id='custom-from'>
              {custom.from} ▾
            </Text>
          </Picker>
          <Text>至</Text>
          <Picker mode='date' value={custom.to} end={today} onChange={(e) => chooseCustom({ ...custom, to: String(e.detail.value) })}>
            <Text className='ia-picker' id='custom-to'>
              {custom.to} ▾
            </Text>
          </Picker>
        </View>
      ) : null}
      {invalidCustom || serverRangeError ? <Text className='field-error'>{invalidCustom ?? serverRangeError}</Text> : null}
      <View className='ia-range'>
        <Text className='ia-range__text' id='range-label'>
          {rangeLabel(range)}
          {range.to === addDays(today, -1) ? '（截至昨天）' : ''}
        </Text>
        {loading && data ? <Text className='ia-updating'>更新中…</Text> : null}
      </View>
      <Text className='muted' id='computed-at'>
        {data?.computedAt ? `数据更新于 ${stampText(data.computedAt)}` : data ? '数据尚未生成：夜间任务运行后显示' : ''}
      </Text>
    </View>
  )

  if (!data) {
    return (
      <View className='page' id='ia-dashboard'>
        {filters}
        <StateView loading={!error} error={error} />
      </View>
    )
  }

  const f = data.figures
  const stages = [
    { stage: '邀请访问', value: data.funnel.visits },
    { stage: '报名/下单', value: data.funnel.converted },
    { stage: '复购', value: data.funnel.repeat }
  ]
  return (
    <View className='page' id='ia-dashboard'>
      {filters}

      {data.atRisk > 0 && scope === 'community' ? (
        <View className='ia-banner' id='ia-at-risk' onClick={() => void Taro.navigateTo({ url: `${INSIGHTS_ADMIN_PKG}/churn/index` })}>
          <Text>流失预警 {data.atRisk} 户</Text>
          <Text>查看 ›</Text>
        </View>
      ) : null}

      {figureCards(f, data.previous, pick.kind !== 'custom')}

      <View className='card'>
        <View className='ia-card-title'>
          <Text className='ia-card-title__text'>每日 GMV 与订单</Text>
          <Text className='muted'>{data.days.length} 天</Text>
        </View>
        <Chart id='chart-daily' size='m' version={digest([data.from, data.to, data.scope, data.days])} label='每日 GMV 与订单折线图' build={() => dailyChart(data.days)} />
      </View>

      <View className='card' id='ia-lines'>
        <View className='ia-card-title'>
          <Text className='ia-card-title__text'>服务品类</Text>
          <Text className='muted'>按 GMV</Text>
        </View>
        {data.lines.length ? (
          <Chart
            id='chart-lines'
            size={data.lines.length > 4 ? 'm' : 's'}
            version={digest([data.from, data.to, data.scope, data.lines])}
            label='各服务品类 GMV 条形图'
            build={() => linesChart(data.lines)}
          />
        ) : (
          <Text className='muted'>区间内没有订单</Text>
        )}
        <View className='ia-table-row ia-table-row--head'>
          <Text className='ia-table-row__main'>品类</Text>
          <Text className='ia-table-row__num'>订单</Text>
          <Text className='ia-table-row__num ia-table-row__num--wide'>GMV</Text>
        </View>
        {data.lines.map((l) => (
          <View key={l.line} className='ia-table-row' id={`line-${l.line}`}>
            <Text className='ia-table-row__main'>{l.label}</Text>
            <Text className='ia-table-row__num'>{l.orders}</Text>
            <Text className='ia-table-row__num ia-table-row__num--wide'>{yuanText(l.gmvFen)}</Text>
          </View>
        ))}
      </View>

      <View className='card' id='ia-funnel'>
        <View className='ia-card-title'>
          <Text className='ia-card-title__text'>邀请转化漏斗</Text>
          <Text className='muted'>区间内发出的邀请</Text>
        </View>
        {data.funnel.visits + data.funnel.converted > 0 ? (
          <Chart id='chart-funnel' size='s' version={digest([data.from, data.to, data.scope, data.funnel])} label='邀请访问、报名下单、复购漏斗图' build={() => funnelChart(stages)} />
        ) : (
          <Text className='muted'>区间内没有邀请带来的访问</Text>
        )}
        <View className='ia-funnel-nums'>
          <View className='stat'>
            <Text className='stat-value' id='funnel-visits'>
              {data.funnel.visits}
            </Text>
            <Text className='stat-label'>邀请访问</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.funnel.signups}</Text>
            <Text className='stat-label'>活动报名</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.funnel.orders}</Text>
            <Text className='stat-label'>邀请下单</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value' id='funnel-repeat'>
              {data.funnel.repeat}
            </Text>
            <Text className='stat-label'>复购户</Text>
          </View>
        </View>
      </View>

      {scope === 'all' ? (
        <View className='card' id='ia-communities'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            各社区
          </Text>
          {data.communities.map((c) => (
            <View key={c.communityId} className='ia-community' id={`community-${c.communityId}`}>
              <Text className='ia-community__name'>{c.name}</Text>
              <View className='ia-community__stats'>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{c.orders}</Text>订单
                </View>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{yuanText(c.gmvFen)}</Text>GMV
                </View>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{yuanText(c.aovFen)}</Text>客单价
                </View>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{bpText(c.repurchaseBp)}</Text>回购率
                </View>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{bpText(c.collectionBp)}</Text>收缴率
                </View>
                <View className='ia-community__stat'>
                  <Text className='ia-community__stat-value'>{c.atRisk}</Text>预警户
                </View>
              </View>
            </View>
          ))}
        </View>
      ) : null}

      {scope === 'community' ? (
        <View className='card' id='ia-butlers'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            管家表现
          </Text>
          {data.butlers.length === 0 ? <Text className='muted'>区间内没有管家任务</Text> : null}
          {data.butlers.length ? (
            <View className='ia-table-row ia-table-row--head'>
              <Text className='ia-table-row__main'>管家</Text>
              <Text className='ia-table-row__num'>任务完成</Text>
              <Text className='ia-table-row__num'>跟进</Text>
              <Text className='ia-table-row__num'>召回</Text>
            </View>
          ) : null}
          {data.butlers.map((b) => (
            <View key={b.butlerUserId} className='ia-table-row' id={`butler-${b.butlerUserId}`}>
              <Text className='ia-table-row__main'>{b.name}</Text>
              <Text className='ia-table-row__num'>{bpText(b.completionBp)}</Text>
              <Text className='ia-table-row__num'>{b.followUps}</Text>
              <Text className='ia-table-row__num'>{b.reactivated}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card' id='ia-workers'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          师傅口碑
        </Text>
        {data.workers.length === 0 ? <Text className='muted'>还没有服务师傅</Text> : null}
        {data.workers.length ? (
          <View className='ia-table-row ia-table-row--head'>
            <Text className='ia-table-row__main'>师傅</Text>
            <Text className='ia-table-row__num'>平均分</Text>
            <Text className='ia-table-row__num'>评价数</Text>
          </View>
        ) : null}
        {data.workers.map((w) => (
          <View key={w.workerId} className='ia-table-row' id={`worker-${w.workerId}`}>
            <Text className='ia-table-row__main'>
              {w.name}
              {w.outstanding ? <Text className='ia-tag'>优秀</Text> : null}
            </Text>
            <Text className='ia-table-row__num'>{ratingText(w.avg100)}</Text>
            <Text className='ia-table-row__num'>{w.ratings}</Text>
          </View>
        ))}
      </View>

      <Button id='export-csv' className='btn-block' block type='primary' loading={exporting} onClick={() => void doExport()}>
        导出每日明细 CSV
      </Button>
      <View className='ia-links'>
        <Text className='link' id='go-churn' onClick={() => void Taro.navigateTo({ url: `${INSIGHTS_ADMIN_PKG}/churn/index` })}>
          流失预警 ›
        </Text>
        <Text className='link' id='go-segments' onClick={() => void Taro.navigateTo({ url: `${INSIGHTS_ADMIN_PKG}/segment/index` })}>
          住户分群 ›
        </Text>
        <Text className='link' id='go-rules' onClick={() => void Taro.navigateTo({ url: `${INSIGHTS_ADMIN_PKG}/rules/index` })}>
          分群与预警规则 ›
        </Text>
      </View>
    </View>
  )
}
