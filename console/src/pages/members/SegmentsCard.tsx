import { useState } from 'react'
import { Card, Radio, Table } from 'tdesign-react'
import { NEEDS, NEED_LABELS, type Need, RULE_OP_LABELS, SEGMENT_METRIC_LABELS } from '@contracts/insights-labels'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

/**
 * The five needs (五省) as the nightly rules sort households into them: how many in each, who, and
 * why, with the rules that decide it. Coupons and invitations can then go to one need.
 */
export function SegmentsCard() {
  const { community } = useConsole()
  const [need, setNeed] = useState<Need>('save_money')
  const segment = useQuery(() => api.insights.segment({ need }), [community.id, need])
  const rules = useQuery(() => api.insights.rules({}), [community.id])
  const ruleText = (n: Need) =>
    (rules.data?.segments ?? [])
      .filter((r) => r.need === n)
      .map((r) => `${r.label}（${r.all.map((c) => `${SEGMENT_METRIC_LABELS[c.metric]} ${RULE_OP_LABELS[c.op]} ${c.value}`).join('，且 ')}）`)

  return (
    <PageShell query={segment}>
      {(d) => (
        <Card
          bordered={false}
          title='住户需求分群'
          subtitle='每晚按消费与档案数据计算；一户可以同时属于几个分群。'
          actions={
            <ExportButtons
              id='export-segment'
              fileName={`${community.name}-${NEED_LABELS[need]}分群`}
              header={['房屋', '分群', '原因']}
              rows={() => d.households.map((h) => [h.label, NEED_LABELS[need], h.because])}
            />
          }
        >
          <Radio.Group className='segment-needs' variant='default-filled' value={need} onChange={(v) => setNeed(NEEDS.find((n) => n === v) ?? 'save_money')}>
            {NEEDS.map((n) => (
              <Radio.Button key={n} value={n}>
                {NEED_LABELS[n]} {d.sizes.find((s) => s.need === n)?.count ?? 0} 户
              </Radio.Button>
            ))}
          </Radio.Group>
          <ul className='rule-list'>
            {ruleText(need).map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <Table
            className='segment-table'
            rowKey='householdId'
            data={d.households}
            size='small'
            maxHeight={420}
            empty={`还没有住户属于「${NEED_LABELS[need]}」分群`}
            columns={[
              { colKey: 'label', title: '房屋', width: 160 },
              { colKey: 'because', title: '原因' }
            ]}
          />
        </Card>
      )}
    </PageShell>
  )
}
