import { useState } from 'react'
import { Alert, Button, DatePicker, Form, Input, Radio, Select, Space, Textarea } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import { VoteInput } from '@contracts/message-votes'
import type { OutputOf } from '@contracts/registry'
import { MATTER_OPTIONS, VOTE_RULES, VOTE_RULE_HINTS, VOTE_RULE_LABELS, type VoteKind, type VoteRule } from '@contracts/vote-rules'
import { type FieldErrors, issuesByPath } from '../../../../src/utils/form-errors'
import { formatDateTime, parseShanghai } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { Field } from '../../shell/Field'
import { splitRefusal } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { newRequestId } from '../../../../src/client/core/request-id'

type Options = OutputOf<'message.noticeOptions'>

interface Draft {
  title: string
  description: string
  rule: VoteRule
  kind: VoteKind
  options: string[]
  scope: 'community' | 'buildings'
  buildingIds: string[]
  opensAt: number | null
  closesAt: number | null
}

const picked = (v: unknown): number | null => {
  const ms = parseShanghai(String(v ?? ''))
  return Number.isNaN(ms) ? null : ms
}

/**
 * A new owner vote: the matter, its rule (ordinary or major, as the Civil Code lists them), a
 * yes/no matter or a choice among options, the units voting, and when it opens and closes. Once
 * made it cannot change: the roll of units and owners is fixed with it.
 */
export function VoteDialog({ options, onClose }: { options: Options; onClose: (saved: string | null) => void }) {
  const [d, setD] = useState<Draft>({ title: '', description: '', rule: 'ordinary', kind: 'matter', options: ['', ''], scope: 'community', buildingIds: [], opensAt: null, closesAt: null })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId] = useState(newRequestId)
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))
  const status = (...paths: string[]) => {
    const e = paths.map((p) => errors[p] ?? Object.entries(errors).find(([k]) => k.startsWith(`${p}.`))?.[1]).find(Boolean)
    return e ? { status: 'error' as const, tips: e } : {}
  }

  const request = () => ({
    title: d.title,
    description: d.description,
    rule: d.rule,
    kind: d.kind,
    options: d.kind === 'choice' ? d.options : [],
    scope: { kind: d.scope, buildingIds: d.scope === 'buildings' ? d.buildingIds : [] },
    ...(d.opensAt !== null ? { opensAt: d.opensAt } : {}),
    closesAt: d.closesAt ?? 0,
    clientRequestId: requestId
  })

  const submit = async () => {
    const parsed = VoteInput.safeParse(request())
    setFormError(null)
    if (!parsed.success) return setErrors(issuesByPath(parsed.error))
    setErrors({})
    setBusy(true)
    const res = await api.message.saveVote(request())
    setBusy(false)
    if (!res.ok) {
      const refused = splitRefusal(res.error, '')
      setErrors(refused.fields)
      return setFormError(refused.message)
    }
    onClose(`已发起「${d.title}」，${res.data.units} 套房屋参与表决`)
  }

  return (
    <FormDialog header='发起业主表决' width={760} saveId='vote-save' saveText='发起' busy={busy} onSave={() => void submit()} onCancel={() => onClose(null)}>
      <Form labelWidth={96} colon={false}>
        <Field label='表决事项' required {...status('title')}>
          <Input className='vote-title' value={d.title} maxlength={60} placeholder='例如：续聘现物业服务企业' onChange={(v) => set({ title: String(v) })} />
        </Field>
        <Field label='说明' {...status('description')}>
          <Textarea className='vote-description' value={d.description} maxlength={3000} autosize={{ minRows: 3, maxRows: 10 }} placeholder='背景、方案与费用，业主据此表决' onChange={(v) => set({ description: String(v) })} />
        </Field>
        <Field label='表决规则' required help={VOTE_RULE_HINTS[d.rule]} {...status('rule')}>
          <Radio.Group className='vote-rule' value={d.rule} onChange={(v) => set({ rule: v as VoteRule })}>
            {VOTE_RULES.map((r) => (
              <Radio key={r} value={r}>
                {VOTE_RULE_LABELS[r]}
              </Radio>
            ))}
          </Radio.Group>
        </Field>
        <Field label='表决方式' required {...status('kind', 'options')}>
          <Space direction='vertical' size={8} style={{ width: '100%' }}>
            <Radio.Group className='vote-kind' value={d.kind} onChange={(v) => set({ kind: v as VoteKind })}>
              <Radio value='matter'>同意 / 反对 / 弃权</Radio>
              <Radio value='choice'>多个选项中选一</Radio>
            </Radio.Group>
            {d.kind === 'matter' ? (
              <span className='muted'>业主在「{MATTER_OPTIONS.join('」「')}」中选择，「同意」达到规则时通过。</span>
            ) : (
              <>
                {d.options.map((o, i) => (
                  <Space key={i} size={8}>
                    <Input className={`vote-option-${i}`} value={o} maxlength={30} style={{ width: 360 }} placeholder={`选项 ${i + 1}，例如：甲物业公司`} onChange={(v) => set({ options: d.options.map((x, j) => (j === i ? String(v) : x)) })} />
                    <Button variant='text' theme='danger' icon={<DeleteIcon />} disabled={d.options.length <= 2} onClick={() => set({ options: d.options.filter((_, j) => j !== i) })} />
                  </Space>
                ))}
                <Button variant='outline' icon={<AddIcon />} disabled={d.options.length >= 10} onClick={() => set({ options: [...d.options, ''] })}>
                  添加选项
                </Button>
              </>
            )}
          </Space>
        </Field>
        <Field label='表决范围' required {...status('scope')}>
          <Space direction='vertical' size={8} style={{ width: '100%' }}>
            <Radio.Group className='vote-scope' value={d.scope} onChange={(v) => set({ scope: v === 'buildings' ? 'buildings' : 'community' })}>
              <Radio value='community'>全体业主</Radio>
              <Radio value='buildings'>指定楼栋</Radio>
            </Radio.Group>
            {d.scope === 'buildings' ? (
              <Select className='vote-buildings' multiple filterable value={d.buildingIds} placeholder='选择楼栋' onChange={(v) => set({ buildingIds: Array.isArray(v) ? v.map(String) : [] })} options={options.buildings.map((b) => ({ value: b.id, label: b.name }))} />
            ) : null}
          </Space>
        </Field>
        <Field label='开始时间' help='不选则立即开始' {...status('opensAt')}>
          <DatePicker className='vote-opens-at' allowInput clearable enableTimePicker format='YYYY-MM-DD HH:mm' value={d.opensAt ? formatDateTime(d.opensAt) : ''} onChange={(v) => set({ opensAt: picked(v) })} />
        </Field>
        <Field label='截止时间' required help='截止后不能再投票，系统自动计票并公布结果' {...status('closesAt')}>
          <DatePicker className='vote-closes-at' allowInput enableTimePicker format='YYYY-MM-DD HH:mm' value={d.closesAt ? formatDateTime(d.closesAt) : ''} onChange={(v) => set({ closesAt: picked(v) })} />
        </Field>
        <Alert theme='info' message='发起后按当前房屋档案固定投票名单：每套房屋一票，专有面积取自房屋档案，同一业主名下多套房屋按一人计。' />
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
