import { useState } from 'react'
import { Drawer, Progress, Select, Space, Table } from 'tdesign-react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import type { SurveySummary } from '@contracts/message-surveys'
import type { OutputOf } from '@contracts/registry'
import { QUESTION_TYPE_LABELS, SURVEY_CHANNEL_LABELS } from '@contracts/survey-kinds'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

type Options = OutputOf<'message.noticeOptions'>
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0)

/** A survey's results question by question, narrowed to a building, a grid or a need segment; every response leaves as CSV or Excel. */
export function SurveyResults({ survey, options, onClose }: { survey: SurveySummary; options: Options; onClose: () => void }) {
  const [buildingId, setBuildingId] = useState<string | undefined>()
  const [gridId, setGridId] = useState<string | undefined>()
  const [need, setNeed] = useState<Need | undefined>()
  const filter = { ...(buildingId ? { buildingId } : {}), ...(gridId ? { gridId } : {}), ...(need ? { need } : {}) }
  const q = useQuery(() => api.message.surveyResults({ id: survey.id, filter }), [survey.id, buildingId, gridId, need])
  const detail = useQuery(() => api.message.survey({ id: survey.id }), [survey.id])
  // The export's columns: as the server lays out each row (surveyResponses).
  const header = ['提交时间', '渠道', ...(survey.anonymous ? [] : ['房屋', '填写人']), ...(detail.data?.items.map((x) => x.title) ?? [])]
  return (
    <Drawer visible header={`问卷结果：${survey.title}`} size='860px' footer={false} onClose={onClose}>
      <div className='stack'>
        <Space size={8}>
          <Select className='results-building' clearable placeholder='全部楼栋' style={{ width: 160 }} value={buildingId} onChange={(v) => setBuildingId(v ? String(v) : undefined)} options={options.buildings.map((b) => ({ value: b.id, label: b.name }))} />
          <Select className='results-grid' clearable placeholder='全部网格' style={{ width: 160 }} value={gridId} onChange={(v) => setGridId(v ? String(v) : undefined)} options={options.grids.map((g) => ({ value: g.id, label: g.name }))} />
          <Select className='results-need' clearable placeholder='全部人群' style={{ width: 160 }} value={need} onChange={(v) => setNeed((v as Need) || undefined)} options={NEEDS.map((n) => ({ value: n, label: `${NEED_LABELS[n]}人群` }))} />
          <ExportButtons
            id='export-survey'
            fileName={`${survey.title}-答卷`}
            header={header}
            rows={async () => {
              const out: (string | number)[][] = []
              let cursor: string | undefined
              for (;;) {
                const res = await api.message.surveyResponses(cursor ? { id: survey.id, cursor } : { id: survey.id })
                if (!res.ok) throw new Error(res.error.message)
                out.push(...res.data.rows.map((r) => r.map((c, i) => (i === 0 && typeof c === 'number' ? formatDateTime(c) : c))))
                if (!res.data.cursor) return out
                cursor = res.data.cursor
              }
            }}
          />
        </Space>
        <PageShell query={q}>
          {(r) => (
            <div className='stack'>
              <div className='stats'>
                <Stat label='发放户数' value={String(r.households)} />
                <Stat label='回收份数' value={String(r.responses)} />
                {r.channels.map((c) => (
                  <Stat key={c.channel} label={SURVEY_CHANNEL_LABELS[c.channel]} value={String(c.count)} />
                ))}
              </div>
              {r.questions.map((x, i) => (
                <div key={x.key} className='survey-result' id={`survey-result-${x.key}`}>
                  <div className='survey-result__title'>
                    {i + 1}. {x.title}
                    <span className='muted'>
                      {' '}
                      · {QUESTION_TYPE_LABELS[x.type]} · {x.answered} 人作答{x.average !== null ? ` · 平均 ${x.average}` : ''}
                      {x.min !== null && x.max !== null ? ` · ${x.min}～${x.max}` : ''}
                    </span>
                  </div>
                  {x.counts.length ? (
                    <Table
                      rowKey='label'
                      size='small'
                      data={x.counts.map((c, k) => ({ label: x.labels[k] ?? '', count: c }))}
                      columns={[
                        { colKey: 'label', title: '选项', width: 160 },
                        { colKey: 'count', title: '人数', width: 80, align: 'right' },
                        { colKey: 'share', title: '占比', cell: ({ row }) => <Progress percentage={pct(row.count, x.answered)} /> }
                      ]}
                    />
                  ) : null}
                  {x.texts.length ? (
                    <ul className='rule-list'>
                      {x.texts.slice(0, 20).map((t, k) => (
                        <li key={k}>{t}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ))}
              <Table
                className='survey-grids'
                rowKey='gridId'
                data={r.grids}
                columns={[
                  { colKey: 'name', title: '网格', width: 140 },
                  { colKey: 'households', title: '发放户数', width: 100, align: 'right' },
                  { colKey: 'responded', title: '已回收', width: 90, align: 'right' },
                  { colKey: 'rate', title: '回收率', cell: ({ row }) => <Progress percentage={pct(row.responded, row.households)} /> }
                ]}
              />
            </div>
          )}
        </PageShell>
      </div>
    </Drawer>
  )
}
