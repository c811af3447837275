import { Alert, Drawer, Progress, Table, Tag } from 'tdesign-react'
import type { TallyView, VoteSummary } from '@contracts/message-votes'
import { VOTE_OUTCOME_LABELS, VOTE_RULE_HINTS, VOTE_RULE_LABELS } from '@contracts/vote-rules'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

type Fig = TallyView['participationArea']
const area = (cm2: number) => `${(cm2 / 100).toFixed(2)} 平方米`
const pct = (f: Fig) => (f.whole ? Math.round((f.part / f.whole) * 1000) / 10 : 0)

function figureRow(name: string, f: Fig, unit: (n: number) => string) {
  return { name, value: `${unit(f.part)} / ${unit(f.whole)}`, share: pct(f), threshold: f.threshold, met: f.met }
}

/** A vote's progress per building while open; after the close, its four figures against the law's thresholds, and the receipts. */
export function VoteDrawer({ vote, onClose }: { vote: VoteSummary; onClose: () => void }) {
  const q = useQuery(() => api.message.vote({ id: vote.id }), [vote.id])
  const progress = useQuery(() => api.message.voteProgress({ id: vote.id }), [vote.id])
  return (
    <Drawer visible header={vote.title} size='720px' footer={false} onClose={onClose}>
      <PageShell query={q}>
        {(v) => {
          const t = v.tally
          const people = (n: number) => `${n} 人`
          const rows = t
            ? [
                figureRow('参与表决的专有面积', t.participationArea, area),
                figureRow('参与表决的业主人数', t.participationHeadcount, people),
                ...t.options.flatMap((o) => [figureRow(`「${o.label}」占参与面积`, o.area, area), figureRow(`「${o.label}」占参与人数`, o.headcount, people)])
              ]
            : []
          return (
            <div className='stack'>
              <Alert theme='info' message={`${VOTE_RULE_LABELS[v.rule]}：${VOTE_RULE_HINTS[v.rule]}`} />
              <div className='stats'>
                <Stat label='参与房屋' value={`${v.units} 套`} />
                <Stat label='业主人数' value={`${v.totalOwners} 人`} />
                <Stat label='总专有面积' value={area(v.totalAreaCm2)} small />
                <Stat label='已投票' value={`${v.ballots} 套`} />
              </div>
              {t ? (
                <>
                  <Alert theme={t.outcome === 'passed' ? 'success' : 'error'} message={`表决结果：${VOTE_OUTCOME_LABELS[t.outcome]}${t.outcome === 'passed' && t.chosen !== null ? `（${t.options[t.chosen]?.label ?? ''}）` : ''}`} />
                  <Table
                    className='tally-table'
                    rowKey='name'
                    data={rows}
                    columns={[
                      { colKey: 'name', title: '指标', width: 170 },
                      { colKey: 'value', title: '数值' },
                      { colKey: 'share', title: '占比', width: 190, cell: ({ row }) => <Progress percentage={row.share} /> },
                      { colKey: 'threshold', title: '门槛', width: 130 },
                      { colKey: 'met', title: '', width: 80, cell: ({ row }) => <Tag theme={row.met ? 'success' : 'danger'} variant='light'>{row.met ? '达到' : '未达到'}</Tag> }
                    ]}
                  />
                  <ExportButtons
                    id='export-receipts'
                    fileName={`${v.title}-计票凭证`}
                    header={['凭证号', '选择', '渠道']}
                    rows={async () => {
                      const out: (string | number)[][] = []
                      let cursor: string | undefined
                      for (;;) {
                        const res = await api.message.voteReceipts(cursor ? { id: v.id, cursor } : { id: v.id })
                        if (!res.ok) throw new Error(res.error.message)
                        out.push(...res.data.items.map((r) => [r.receipt, r.option, r.channel === 'paper' ? '纸质表决票' : '小程序']))
                        if (!res.data.cursor) return out
                        cursor = res.data.cursor
                      }
                    }}
                  />
                </>
              ) : null}
              <Table
                className='vote-progress-table'
                rowKey='buildingId'
                data={progress.data?.buildings ?? []}
                columns={[
                  { colKey: 'name', title: '楼栋', width: 120 },
                  { colKey: 'units', title: '房屋（套）', width: 100, align: 'right' },
                  { colKey: 'ballots', title: '已投', width: 80, align: 'right' },
                  { colKey: 'rate', title: '投票率', cell: ({ row }) => <Progress percentage={row.units ? Math.round((row.ballots / row.units) * 100) : 0} /> }
                ]}
              />
            </div>
          )
        }}
      </PageShell>
    </Drawer>
  )
}
