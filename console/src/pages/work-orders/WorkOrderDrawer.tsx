import { useState } from 'react'
import { Alert, Button, Drawer, Form, Input, Radio, Rate, Select, Tag, Textarea, Timeline } from 'tdesign-react'
import { WORK_STATUS_LABELS, type WorkOrderViewT } from '@contracts/desk-work'
import type { ApiError } from '@contracts/errors'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { navigate } from '../../router'
import { Field } from '../../shell/Field'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { useQuery } from '../../shell/use-query'
import { STATUS_THEMES, stageText } from './stage-tags'

type Action = 'reassign' | 'reopen' | 'visit' | null

/**
 * One work order: its SLA timers, everything that happened to it, and what the desk may do now:
 * hand it to someone else, reopen it (the clock starts again), or log the return-visit call.
 */
export function WorkOrderDrawer({ workOrder, onClose, onChanged }: { workOrder: WorkOrderViewT; onClose: () => void; onChanged: (wo: WorkOrderViewT) => void }) {
  const [wo, setWo] = useState(workOrder)
  const [action, setAction] = useState<Action>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [assignee, setAssignee] = useState('')
  const [reason, setReason] = useState('')
  const [reached, setReached] = useState(true)
  const [score, setScore] = useState(5)
  const [note, setNote] = useState('')
  const people = useQuery(() => api.desk.assignees({}), [], { enabled: action === 'reassign' })
  const now = Date.now()

  const done = (next: WorkOrderViewT) => {
    setWo(next)
    setAction(null)
    setError(null)
    setReason('')
    setNote('')
    onChanged(next)
  }
  const run = async () => {
    setBusy(true)
    const res =
      action === 'reassign'
        ? await api.desk.reassign({ workOrderId: wo.id, assigneeUserId: assignee, reason })
        : action === 'reopen'
          ? await api.desk.reopen({ workOrderId: wo.id, reason })
          : await api.desk.returnVisit({ workOrderId: wo.id, reached, score: reached ? score : null, note })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    done(res.data.workOrder)
  }
  const formError = formLevelError(error)

  return (
    <Drawer visible size='560px' header={`工单 ${wo.no}`} onClose={onClose} footer={false} className='wo-drawer'>
      <div className='stack'>
        <div className='wo-head'>
          <Tag theme={STATUS_THEMES[wo.status]} variant='light' size='large'>
            {WORK_STATUS_LABELS[wo.status]}
          </Tag>
          <strong>
            {wo.householdLabel} · {wo.typeLabel}
          </strong>
          <Button variant='text' theme='primary' onClick={() => navigate(`/household/${wo.householdId}`)}>
            户档案
          </Button>
        </div>
        <p className='wo-text'>{wo.text}</p>
        <dl className='wo-facts'>
          <dt>来源</dt>
          <dd>{wo.channelLabel}</dd>
          <dt>来电人</dt>
          <dd>{[wo.contactName, wo.contactPhoneMasked].filter(Boolean).join(' ') || '—'}</dd>
          <dt>处理人</dt>
          <dd>{wo.assignee?.name ?? '待派单'}</dd>
          <dt>登记</dt>
          <dd>{formatDateTime(wo.createdAt)}</dd>
          {wo.reopenCount > 0 ? (
            <>
              <dt>重开</dt>
              <dd>{wo.reopenCount} 次</dd>
            </>
          ) : null}
        </dl>
        {wo.photos.length ? (
          <div className='cell-inline'>
            {wo.photos.map((p, i) => (
              <PhotoThumb key={p} id={p} size={64} alt={`工单照片第 ${i + 1} 张`} />
            ))}
          </div>
        ) : null}
        <div className='wo-stages'>
          {wo.stages.map((s) => (
            <div key={s.stage} className={`wo-stage wo-stage--${s.state}`}>
              <div className='wo-stage__label'>{s.label}</div>
              <div className='wo-stage__state'>{stageText(s, now, false)}</div>
              <div className='muted'>时限 {formatDateTime(s.dueAt)}</div>
              {s.doneAt ? <div className='muted'>完成 {formatDateTime(s.doneAt)}</div> : null}
              {s.escalatedAt ? <div className='wo-stage__alert'>已升级给主管</div> : s.remindedAt ? <div className='wo-stage__alert'>已提醒处理人</div> : null}
            </div>
          ))}
        </div>
        {wo.visit ? (
          <Alert theme='success' message={`${wo.visit.by === 'call' ? `${wo.visit.byName}电话回访` : '住户评价'}：${wo.visit.score ?? '—'} 分${wo.visit.note ? `，${wo.visit.note}` : ''}`} />
        ) : null}
        <div className='cell-inline'>
          {wo.can.reassign ? (
            <Button id='wo-reassign' variant='outline' onClick={() => setAction('reassign')}>
              改派
            </Button>
          ) : null}
          {wo.can.visit ? (
            <Button id='wo-visit' theme='primary' onClick={() => setAction('visit')}>
              电话回访
            </Button>
          ) : null}
          {wo.can.reopen ? (
            <Button id='wo-reopen' variant='outline' theme='warning' onClick={() => setAction('reopen')}>
              重开工单
            </Button>
          ) : null}
        </div>
        {action ? (
          <Form labelWidth={80} colon={false} className='wo-action'>
            {action === 'reassign' ? (
              <Field label='改派给' required {...fieldStatus(error, 'assigneeUserId')}>
                <Select
                  className='wo-reassign-to'
                  value={assignee}
                  loading={people.loading}
                  onChange={(v) => setAssignee(String(v))}
                  options={(people.data?.assignees ?? []).filter((a) => a.userId !== wo.assignee?.userId).map((a) => ({ label: `${a.name}（${a.roleLabel}，进行中 ${a.open} 单）`, value: a.userId }))}
                />
              </Field>
            ) : null}
            {action === 'reassign' || action === 'reopen' ? (
              <Field label={action === 'reopen' ? '重开原因' : '改派原因'} required {...fieldStatus(error, 'reason')}>
                <Input name='wo-reason' value={reason} maxlength={100} placeholder={action === 'reopen' ? '例如：住户反映又开始漏水' : '例如：原师傅今天请假'} onChange={(v) => setReason(String(v))} />
              </Field>
            ) : null}
            {action === 'visit' ? (
              <>
                <Field label='联系上了'>
                  <Radio.Group variant='default-filled' value={reached ? 'yes' : 'no'} onChange={(v) => setReached(v === 'yes')}>
                    <Radio.Button value='yes'>联系上了</Radio.Button>
                    <Radio.Button value='no'>未接通</Radio.Button>
                  </Radio.Group>
                </Field>
                {reached ? (
                  <Field label='满意度' {...fieldStatus(error, 'score')}>
                    <Rate value={score} onChange={(v) => setScore(Number(v))} />
                  </Field>
                ) : null}
                <Field label='回访记录' required {...fieldStatus(error, 'note')}>
                  <Textarea name='wo-visit-note' value={note} maxlength={300} autosize={{ minRows: 2, maxRows: 4 }} placeholder={reached ? '住户怎么说' : '例如：两次未接，明天再打'} onChange={(v) => setNote(String(v))} />
                </Field>
              </>
            ) : null}
            {formError ? <Alert theme='error' message={formError} /> : null}
            <div className='form-actions'>
              <Button variant='outline' onClick={() => setAction(null)}>
                取消
              </Button>
              <Button id='wo-action-save' theme='primary' loading={busy} onClick={() => void run()}>
                确定
              </Button>
            </div>
          </Form>
        ) : null}
        <Timeline mode='same' className='wo-history'>
          {[...wo.history].reverse().map((e, i) => (
            <Timeline.Item key={i} label={formatDateTime(e.at)}>
              <strong>{e.action}</strong> {e.byName} {e.note ? <span className='muted'>· {e.note}</span> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      </div>
    </Drawer>
  )
}
