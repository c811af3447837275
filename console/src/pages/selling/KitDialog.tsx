import { useState } from 'react'
import { Alert, Button, Form, InputNumber, Input, Select, Tabs, Textarea } from 'tdesign-react'
import { AddIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import { type KitKind, MAX_DAILY_TARGET, MAX_KIT_SCRIPTS, SCRIPT_CHANNELS, SCRIPT_CHANNEL_LABELS } from '@contracts/selling-labels'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { Field } from '../../shell/Field'
import { FormDialog } from '../../shell/FormDialog'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { formatDateTime } from '../../../../src/utils/time'
import { type KitForm, type TargetsForm, blankScript, kitFormOf, kitInputOf, targetsFormOf } from './kit-form'
import { newRequestId } from '../../../../src/client/core/request-id'

type Tab = 'kit' | 'targets'

/** The scripts and key notes butlers copy from the kit page. */
function KitEditor({ form, onChange, error }: { form: KitForm; onChange: (f: KitForm) => void; error: ApiError | null }) {
  const setScript = (i: number, p: Partial<KitForm['scripts'][number]>) => onChange({ ...form, scripts: form.scripts.map((s, j) => (j === i ? { ...s, ...p } : s)) })
  const scriptsError = error?.fields?.find((f) => f.path === 'scripts')?.message
  return (
    <Form labelWidth={96} colon={false} className='kit-form'>
      <p className='muted'>价格、截止时间、成团人数、库存与配送（活动的时间、地点、名额）由系统从预售或活动读取，管家看到的始终是最新的，无需在此填写。</p>
      {scriptsError ? <Alert theme='error' message={scriptsError} /> : null}
      {form.scripts.map((s, i) => (
        <div key={s.key} className='kit-script' id={`kit-script-${i}`}>
          <Field label={`话术 ${i + 1}`} required {...fieldStatus(error, `scripts.${i}.title`)}>
            <div className='inline-fields'>
              <Select
                className='kit-script-channel'
                style={{ width: 140 }}
                value={s.channel}
                onChange={(v) => setScript(i, { channel: SCRIPT_CHANNELS.find((c) => c === v) ?? s.channel })}
                options={SCRIPT_CHANNELS.map((c) => ({ value: c, label: SCRIPT_CHANNEL_LABELS[c] }))}
              />
              <Input className='kit-script-title' value={s.title} maxlength={20} placeholder='标题，例如：业主群开团' onChange={(v) => setScript(i, { title: String(v) })} />
              <Button variant='text' theme='danger' icon={<DeleteIcon />} disabled={form.scripts.length <= 1} onClick={() => onChange({ ...form, scripts: form.scripts.filter((_, j) => j !== i) })}>
                删除
              </Button>
            </div>
          </Field>
          <Field label='内容' required {...fieldStatus(error, `scripts.${i}.text`)}>
            <Textarea className='kit-script-text' value={s.text} maxlength={500} autosize={{ minRows: 3, maxRows: 8 }} placeholder='管家复制后直接发送或照着说的话' onChange={(v) => setScript(i, { text: String(v) })} />
          </Field>
        </div>
      ))}
      <Field label=''>
        <div className='inline-fields'>
          {SCRIPT_CHANNELS.map((c) => (
            <Button key={c} id={`kit-add-${c}`} variant='outline' icon={<AddIcon />} disabled={form.scripts.length >= MAX_KIT_SCRIPTS} onClick={() => onChange({ ...form, scripts: [...form.scripts, blankScript(c)] })}>
              添加{SCRIPT_CHANNEL_LABELS[c]}
            </Button>
          ))}
        </div>
      </Field>
      <Field label='补充要点' help='每行一条，最多 6 条，每条 60 字以内，例如产地、检测报告、送货时段' {...fieldStatus(error, 'notes')}>
        <Textarea className='kit-notes' value={form.notes} autosize={{ minRows: 2, maxRows: 6 }} onChange={(v) => onChange({ ...form, notes: String(v) })} />
      </Field>
    </Form>
  )
}

/** Each butler's daily targets while the campaign is on sale; they become today's 分享/访问/订单 tasks. */
function TargetsEditor({ form, onChange, error, updated }: { form: TargetsForm; onChange: (f: TargetsForm) => void; error: ApiError | null; updated: string | null }) {
  const row = (key: keyof TargetsForm, label: string, unit: string, help: string) => (
    <Field label={label} help={help} {...fieldStatus(error, key)}>
      <InputNumber className={`target-${key}`} theme='normal' style={{ width: 160 }} min={0} max={MAX_DAILY_TARGET} value={form[key]} suffix={unit} onChange={(v) => onChange({ ...form, [key]: Number(v) })} />
    </Field>
  )
  return (
    <Form labelWidth={120} colon={false} className='targets-form'>
      <p className='muted'>预售期间每位管家每天的目标，填 0 表示不设该项。管家的今日任务里会出现对应任务，按实际分享、新访客和已付款订单计数（退款订单不计）。</p>
      {row('shares', '每日分享', '次', '管家生成分享卡片的次数')}
      {row('visits', '每日带来访问', '位', '通过管家卡片或海报首次打开的邻居')}
      {row('orders', '每日带来订单', '单', '通过管家卡片下单并付款，未退款')}
      {updated ? <p className='muted'>{updated}</p> : null}
    </Form>
  )
}

/**
 * 话术工具包 of a campaign or event, and (for a campaign) its 每日目标: one 保存 for both tabs,
 * the kit by `selling.saveKit`, the targets by `selling.setTargets`.
 */
export function KitDialog({ kind, refId, title, onClose }: { kind: KitKind; refId: string; title: string; onClose: (saved: string | null) => void }) {
  const q = useQuery(
    async () => {
      const [kit, targets] = await Promise.all([api.selling.adminKit({ kind, refId }), kind === 'campaign' ? api.selling.targets({ campaignId: refId }) : Promise.resolve(null)])
      if (!kit.ok) return kit
      if (targets && !targets.ok) return targets
      return { ok: true as const, data: { kit: kit.data.kit, target: targets ? targets.data.target : null } }
    },
    [kind, refId]
  )
  const [tab, setTab] = useState<Tab>('kit')
  const [kitForm, setKitForm] = useState<KitForm | null>(null)
  const [targetsForm, setTargetsForm] = useState<TargetsForm | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [requestId, setRequestId] = useState(newRequestId)

  const kit = kitForm ?? (q.data ? kitFormOf(q.data.kit) : null)
  const targets = targetsForm ?? (q.data ? targetsFormOf(q.data.target) : null)

  /**
   * Saves what was edited on either tab (the open tab's form always), the kit first: a refusal
   * opens the tab it concerns with its message, and the dialog stays open with every edit kept.
   */
  const submit = async () => {
    if (!kit || !targets) return
    setBusy(true)
    setError(null)
    const saveKit = tab === 'kit' || kitForm !== null
    const saveTargets = kind === 'campaign' && (tab === 'targets' || targetsForm !== null)
    const saved: string[] = []
    if (saveKit) {
      const res = await api.selling.saveKit(kitInputOf(kind, refId, kit, requestId))
      if (!res.ok) {
        setBusy(false)
        setTab('kit')
        return setError(res.error)
      }
      saved.push('话术工具包')
      // Saved: a later save (after fixing the targets) is a new request.
      setRequestId(newRequestId())
    }
    if (saveTargets) {
      const res = await api.selling.setTargets({ campaignId: refId, ...targets })
      if (!res.ok) {
        setBusy(false)
        setTab('targets')
        return setError(res.error)
      }
      saved.push('每日目标')
    }
    setBusy(false)
    onClose(saved.join('和'))
  }
  const formError = formLevelError(error)
  const target = q.data?.target

  return (
    <FormDialog
      header={`${title} · 话术工具包`}
      width={820}
      saveId='kit-save'
      saveText='保存'
      busy={busy}
      disabled={!q.data}
      onSave={() => void submit()}
      onCancel={() => onClose(null)}
    >
      <PageShell query={q}>
        {() => (
          <Tabs
            value={tab}
            onChange={(v) => {
              setError(null)
              setTab(v === 'targets' ? 'targets' : 'kit')
            }}
          >
            <Tabs.TabPanel value='kit' label='话术工具包'>
              {kit ? <KitEditor form={kit} onChange={setKitForm} error={tab === 'kit' ? error : null} /> : null}
            </Tabs.TabPanel>
            {kind === 'campaign' ? (
              <Tabs.TabPanel value='targets' label='每日目标'>
                {targets ? (
                  <TargetsEditor
                    form={targets}
                    onChange={setTargetsForm}
                    error={tab === 'targets' ? error : null}
                    updated={target ? `${target.updatedByName || '运营'} 于 ${formatDateTime(target.updatedAt)} 设置` : null}
                  />
                ) : null}
              </Tabs.TabPanel>
            ) : null}
          </Tabs>
        )}
      </PageShell>
      {formError ? <Alert theme='error' message={formError} /> : null}
    </FormDialog>
  )
}
