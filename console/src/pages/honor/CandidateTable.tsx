import { useState } from 'react'
import { Button, Checkbox, Input, Table, Tag } from 'tdesign-react'
import type { OutputOf } from '@contracts/registry'
import { HONOR_KIND_LABELS, HONOR_REASON_MAX, type HonorKind, MAX_HONOR_ENTRIES } from '@contracts/selling-labels'

type Data = OutputOf<'selling.honorCandidates'>
export interface HonorPick {
  kind: HonorKind
  refId: string
  reason: string
}

interface Row {
  key: string
  kind: HonorKind
  refId: string
  name: string
  reasons: string[]
}

const keyOf = (p: { kind: HonorKind; refId: string }) => `${p.kind}:${p.refId}`

/**
 * The month's suggestions with why, beside whoever is already on the saved roll: tick who goes
 * on the roll and say why in a line residents will read (the first reason is filled in).
 */
export function CandidateTable({ data, busy, onSave }: { data: Data; busy: boolean; onSave: (picks: HonorPick[]) => void }) {
  const onRoll = data.roll?.entries ?? []
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map(onRoll.map((e) => [keyOf(e), e.reason])))
  const rows: Row[] = [
    ...onRoll.filter((e) => !data.candidates.some((c) => keyOf(c) === keyOf(e))).map((e) => ({ key: keyOf(e), kind: e.kind, refId: e.refId, name: e.name, reasons: [] })),
    ...data.candidates.map((c) => ({ key: keyOf(c), kind: c.kind, refId: c.refId, name: c.name, reasons: c.reasons }))
  ]
  const toggle = (r: Row, on: boolean) => {
    const next = new Map(picked)
    if (on) next.set(r.key, (r.reasons[0] ?? '').slice(0, HONOR_REASON_MAX))
    else next.delete(r.key)
    setPicked(next)
  }
  const setReason = (r: Row, reason: string) => setPicked(new Map(picked).set(r.key, reason))
  const picks = rows.flatMap((r) => (picked.has(r.key) ? [{ kind: r.kind, refId: r.refId, reason: picked.get(r.key) ?? '' }] : []))

  return (
    <>
      <Table
        className='honor-candidates'
        rowKey='key'
        data={rows}
        empty='本月还没有符合条件的候选人：评价、表扬信和任务完成情况会在这里给出推荐'
        columns={[
          {
            colKey: 'pick',
            title: '上榜',
            width: 64,
            cell: ({ row }) => <Checkbox className={`honor-pick honor-pick-${row.refId}`} checked={picked.has(row.key)} onChange={(v) => toggle(row, Boolean(v))} />
          },
          { colKey: 'name', title: '姓名', width: 110 },
          {
            colKey: 'kind',
            title: '类别',
            width: 100,
            cell: ({ row }) => (
              <Tag theme={row.kind === 'worker' ? 'primary' : 'success'} variant='light'>
                {HONOR_KIND_LABELS[row.kind]}
              </Tag>
            )
          },
          { colKey: 'reasons', title: '推荐依据', cell: ({ row }) => (row.reasons.length ? row.reasons.join('；') : <span className='muted'>已在榜单上</span>) },
          {
            colKey: 'reason',
            title: '上榜理由（住户可见）',
            width: 300,
            cell: ({ row }) =>
              picked.has(row.key) ? (
                <Input className={`honor-reason-${row.refId}`} value={picked.get(row.key)} maxlength={HONOR_REASON_MAX} placeholder='一句话说明为什么上榜' onChange={(v) => setReason(row, String(v))} />
              ) : null
          }
        ]}
      />
      <div className='toolbar' style={{ marginTop: 12 }}>
        <Button id='honor-save' theme='primary' loading={busy} disabled={picks.length === 0 || picks.length > MAX_HONOR_ENTRIES} onClick={() => onSave(picks)}>
          {picks.length > MAX_HONOR_ENTRIES ? `最多 ${MAX_HONOR_ENTRIES} 人` : `保存榜单（${picks.length} 人）`}
        </Button>
      </div>
    </>
  )
}
