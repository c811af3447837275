import { useMemo, useState } from 'react'
import { Alert, Form, Select } from 'tdesign-react'
import { NEEDS, NEED_LABELS } from '@contracts/insights-labels'
import { type Segment, type TemplateViewT, segmentKey } from '@contracts/member'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { useQuery } from '../../shell/use-query'
import { newRequestId } from '../../../../src/client/core/request-id'

/** One per segment chosen: a double click or a retry issues once, another segment is another batch. */

/**
 * Coupons to a segment: everyone, a building, a member level or a household need (五省). The count
 * is shown before anything is issued; stock is reserved for all at once.
 */
export function IssueDialog({ template, onClose }: { template: TemplateViewT; onClose: (issued: number | null) => void }) {
  const [requestId, setRequestId] = useState(newRequestId)
  const [segment, setSegment] = useState<Segment>({ type: 'all' })
  const key = segmentKey(segment)
  const preview = useQuery(() => api.member.previewSegment({ segment }), [key])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const left = template.totalStock - template.issued
  // Every count answers the community's buildings and levels too: the choices come with the first.
  const buildings = preview.data?.buildings
  const levels = preview.data?.levels
  const choices = useMemo(() => {
    const seg = (s: Segment, label: string) => ({ value: segmentKey(s), label, segment: s })
    return [
      seg({ type: 'all' }, '全体住户'),
      ...(buildings ?? []).map((b) => seg({ type: 'building', buildingId: b.id }, `楼栋：${b.name}`)),
      ...(levels ?? []).map((l) => seg({ type: 'level', level: l.key }, `会员等级：${l.name}`)),
      ...NEEDS.map((n) => seg({ type: 'need', need: n }, `住户需求：${NEED_LABELS[n]}`))
    ]
  }, [buildings, levels])

  const recipients = preview.data && !preview.refreshing ? preview.data.recipients : null
  const submit = async () => {
    setBusy(true)
    const res = await api.member.issueCoupons({ templateId: template.id, segment, clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    onClose(res.data.issued)
  }

  return (
    <FormDialog
      header={`定向发放：${template.title}`}
      saveId='issue-save'
      saveText={recipients !== null && recipients > left ? '库存不足' : '确认发放'}
      disabled={recipients === null || recipients === 0 || recipients > left}
      busy={busy}
      onSave={() => void submit()}
      onCancel={() => onClose(null)}
    >
      <Alert theme='info' message={`${template.label} · ${template.scopeLabel} · ${template.validityLabel}；剩余库存 ${left} 张。每位住户 1 张，并收到站内通知。`} />
      <Form labelWidth={96} colon={false}>
        <Field label='发给谁' help='住户需求分群每晚按规则计算'>
          <Select className='issue-segment' value={key} filterable style={{ width: 360 }} onChange={(v) => {
              setSegment(choices.find((c) => c.value === v)?.segment ?? { type: 'all' })
              setRequestId(newRequestId())
            }} options={choices.map(({ value, label }) => ({ value, label }))} />
        </Field>
        <Field label='人数'>
          <span id='issue-count'>{preview.error ? preview.error.message : recipients === null ? '正在统计…' : `共 ${recipients} 位住户，需要库存 ${recipients} 张`}</span>
        </Field>
        {error ? <Alert theme='error' message={error} /> : null}
      </Form>
    </FormDialog>
  )
}
