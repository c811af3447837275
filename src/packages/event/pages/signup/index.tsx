import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Answers, type FormField, answersSchema } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { api, useSession } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { TextBox } from '../../../../components/TextBox'
import { askEventReminders } from '../../../../services/event'
import { ActionBar, Field, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { eventLink } from '../../links'
import '../../event.scss'

type Draft = Record<string, string>

/** Form text to typed answers; the same zod schema as the function then judges them. */
function toAnswers(fields: readonly FormField[], draft: Draft): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const f of fields) {
    const raw = (draft[f.key] ?? '').trim()
    if (raw === '') continue
    out[f.key] = f.type === 'number' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw
  }
  return out
}

export default function SignupPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const { me } = useSession()
  // Typing must not be overwritten by a reload when the page is shown again.
  const q = useQuery(() => api.event.get({ id }), [id], { enabled: id !== '', reloadOnShow: false })
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const ctx = me?.current
  const household = me?.households.find((h) => h.householdId === ctx?.householdId)

  const submit = async () => {
    const data = q.data
    if (!data || !ctx?.householdId) return
    const answers = toAnswers(data.event.fields, draft)
    const parsed = answersSchema(data.event.fields).safeParse(answers)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])))
      return
    }
    setErrors({})
    setBusy(true)
    const subscribed = await askEventReminders(data.subscribeTemplates)
    const r = await api.event.signUp({ eventId: id, householdId: ctx.householdId, answers: parsed.data as Answers, subscribed })
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^answers\./, ''), f.message])))
      return
    }
    setError(null)
    const title = r.data.status === 'confirmed' ? '报名成功' : `已加入候补第 ${r.data.position ?? ''} 位`
    void Taro.showToast({ title, icon: r.data.status === 'confirmed' ? 'success' : 'none' })
    setTimeout(() => void Taro.redirectTo({ url: eventLink('detail', data.event.communityId, { id }) }), 700)
  }

  return (
    <PageShell id='signup-page' query={q}>
      {(data) => {
        const e = data.event
        const full = e.confirmed >= e.capacity
        return (
          <>
            <Section title={e.title}>
              <EventMeta e={e} extra={household ? `${household.communityName} ${household.label}` : undefined} />
            </Section>
            {!household ? <Notice tone='warning'>报名需要住户身份：请在「我的」里切换到本社区的住户身份后再报名。</Notice> : null}
            {full ? <Notice tone='warning'>名额已满：提交后进入候补队列，有人取消时按顺序自动递补并通知你。</Notice> : null}
            <Section title='报名信息'>
              {e.fields.length === 0 ? <Text className='ev-hint'>本活动无需填写报名信息，直接提交即可。</Text> : null}
              {e.fields.map((f) => (
                <Field key={f.key} id={`signup-${f.key}`} label={f.required ? f.label : `${f.label}（选填）`} required={f.required} error={errors[f.key]}>
                  {f.type === 'choice' ? (
                    <Choices id={`field-${f.key}`} value={draft[f.key] ?? null} options={f.options.map((o) => ({ value: o, label: o }))} onChange={(o) => setDraft({ ...draft, [f.key]: o })} />
                  ) : (
                    <TextBox
                      id={`field-${f.key}`}
                      type={f.type === 'number' ? 'digit' : 'text'}
                      placeholder={`请输入${f.label}`}
                      value={draft[f.key] ?? ''}
                      onChange={(v) => setDraft({ ...draft, [f.key]: v })}
                    />
                  )}
                </Field>
              ))}
              {error && !error.fields?.length ? (
                <Text className='field-error' id='signup-error'>
                  {error.message}
                </Text>
              ) : null}
              <Text className='ev-hint'>提交时会请求活动提醒订阅，活动前一天和前一小时提醒你；消息也会出现在「我的活动」。</Text>
            </Section>
            <ActionBar>
              <Button id='signup-submit' type='primary' loading={busy} disabled={!ctx?.householdId} onClick={() => void submit()}>
                {full ? '加入候补' : '提交报名'}
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
