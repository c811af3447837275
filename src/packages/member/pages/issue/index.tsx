import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Segment, segmentKey } from '@contracts/member'
import { NEEDS, NEED_LABELS } from '@contracts/insights-labels'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { answerFor } from '../../../../utils/answer-for'
import { Button } from '../../../../ui/nut'
import { ActionBar, Field, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../member.scss'

/** A need segment from the link (`?need=`, as the insights segment page opens it), else everyone. */
function initialSegment(need: string | undefined): Segment {
  const n = NEEDS.find((x) => x === need)
  return n ? { type: 'need', need: n } : { type: 'all' }
}



/**
 * Operator: issue a template to everyone, a building, a member level or a household need (五省);
 * stock is reserved for all at once.
 */
export default function IssuePage() {
  const { params } = useRouter()
  const templateId = decodeURIComponent(params.templateId ?? '')
  const [segment, setSegment] = useState<Segment>(() => initialSegment(params.need))
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ recipients: number; issued: number } | null>(null)
  const [requestId, setRequestId] = useState(newRequestId)
  const q = useQuery(() => api.member.templates(), [])
  const preview = useQuery(() => answerFor(segmentKey(segment), api.member.previewSegment({ segment })), [segmentKey(segment)])

  const choose = (s: Segment) => {
    setSegment(s)
    setDone(null)
    setRequestId(newRequestId())
  }

  const submit = async () => {
    setBusy(true)
    const r = await api.member.issueCoupons({ templateId, segment, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    setDone({ recipients: r.data.recipients, issued: r.data.issued })
    void Taro.showToast({ title: '已发放', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell id='issue-page' query={q} empty={(d) => (d.templates.some((t) => t.id === templateId) ? null : { title: '找不到这个优惠券模板', hint: '它可能已被删除，请回到模板列表重新选择' })}>
      {(data) => {
        const template = data.templates.find((t) => t.id === templateId)
        if (!template) return null
        const left = template.totalStock - template.issued
        const p = preview.data?.choice === segmentKey(segment) ? preview.data.value : null
        const options = preview.data?.value
        const segments: Segment[] = [
          { type: 'all' },
          ...(options?.buildings ?? []).map((b): Segment => ({ type: 'building', buildingId: b.id })),
          ...(options?.levels ?? []).map((l): Segment => ({ type: 'level', level: l.key })),
          ...NEEDS.map((n): Segment => ({ type: 'need', need: n }))
        ]
        const onPick = (k: string) => {
          const s = segments.find((x) => segmentKey(x) === k)
          if (s) choose(s)
        }
        const current = segmentKey(segment)
        return (
          <>
            <Section title={template.title}>
              <Text className='mb-meta'>
                {template.label} · {template.scopeLabel} · {template.validityLabel}
              </Text>
              <Text className='mb-meta'>剩余库存 {left} 张</Text>
            </Section>
            <Section title='发给谁'>
              <Field label='全体'>
                <Choices id='seg' value={current} options={[{ value: 'all', label: '全体住户' }]} onChange={onPick} />
              </Field>
              <Field label='按楼栋'>
                <Choices id='seg' value={current} options={(options?.buildings ?? []).map((b) => ({ value: `building-${b.id}`, label: b.name }))} onChange={onPick} />
              </Field>
              <Field label='按会员等级'>
                <Choices id='seg' value={current} options={(options?.levels ?? []).map((l) => ({ value: `level-${l.key}`, label: l.name }))} onChange={onPick} />
              </Field>
              <Field label='按住户需求' hint='分群规则每晚计算'>
                <Choices id='seg' value={current} options={NEEDS.map((n) => ({ value: `need-${n}`, label: NEED_LABELS[n] }))} onChange={onPick} />
              </Field>
              <Text className='mb-meta' id='issue-count'>
                {p === null ? '正在统计人数…' : `共 ${p.recipients} 位住户，每人 1 张，需要库存 ${p.recipients} 张`}
              </Text>
            </Section>
            {preview.error ? <Notice tone='danger'>{preview.error.message}</Notice> : null}
            {done ? (
              <Notice tone='success' id='issue-done'>
                已发放：{done.issued} / {done.recipients} 位住户收到了优惠券和站内通知
              </Notice>
            ) : null}
            <ActionBar>
              <Button id='issue-submit' type='primary' disabled={done !== null || !p || p.recipients === 0 || p.recipients > left} loading={busy} onClick={() => void submit()}>
                {done ? '已发放' : p && p.recipients > left ? '库存不足' : p && p.recipients === 0 ? '没有符合的住户' : '确认发放'}
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
