import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Answers, type FormField, answersSchema } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { EVENT_PKG, type EventDetail, getEvent, signUp } from '../../../../services/event'
import { currentMe } from '../../../../services/session'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { when } from '../../format'
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
  const id = params.id ?? ''
  const [data, setData] = useState<EventDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const ctx = currentMe()?.current
  const household = currentMe()?.households.find((h) => h.householdId === ctx?.householdId)

  useDidShow(() => {
    void getEvent(id).then((r) => (r.ok ? setData(r.data) : setError(r.error)))
  })

  const submit = async () => {
    if (!data || !ctx?.householdId) return
    const answers = toAnswers(data.event.fields, draft)
    const parsed = answersSchema(data.event.fields).safeParse(answers)
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message])))
      return
    }
    setErrors({})
    setBusy(true)
    const r = await signUp({ eventId: id, householdId: ctx.householdId, answers: parsed.data as Answers }, data.subscribeTemplates)
    setBusy(false)
    if (!r.ok) {
      setError(r.error)
      setErrors(Object.fromEntries((r.error.fields ?? []).map((f) => [f.path.replace(/^answers\./, ''), f.message])))
      return
    }
    const title = r.data.status === 'confirmed' ? '报名成功' : `已加入候补第 ${r.data.position ?? ''} 位`
    void Taro.showToast({ title, icon: r.data.status === 'confirmed' ? 'success' : 'none' })
    setTimeout(() => void Taro.redirectTo({ url: `${EVENT_PKG}/detail/index?id=${id}` }), 700)
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const e = data.event
  const full = e.confirmed >= e.capacity
  return (
    <View className='page' id='signup-page'>
      <View className='card'>
        <Text className='ev-card__title'>{e.title}</Text>
        <Text className='ev-meta'>时间 {when(e)}</Text>
        <Text className='ev-meta'>地点 {e.venue}</Text>
        <Text className='ev-meta'>报名房屋 {household ? `${household.communityName} ${household.label}` : '请先切换到住户身份'}</Text>
      </View>
      {full ? <View className='ev-notice'>名额已满：提交后进入候补队列，有人取消时按顺序自动递补并通知你。</View> : null}
      <View className='card'>
        {e.fields.length === 0 ? <Text className='muted'>本活动无需填写报名信息。</Text> : null}
        {e.fields.map((f) => (
          <View key={f.key} className='ev-field'>
            <Text className='ev-label'>
              {f.label}
              {f.required ? ' *' : '（选填）'}
            </Text>
            {f.type === 'choice' ? (
              <View className='ev-choices'>
                {f.options.map((o) => (
                  <Text
                    key={o}
                    id={`field-${f.key}-${o}`}
                    className={`ev-choice ${draft[f.key] === o ? 'ev-choice--on' : ''}`}
                    onClick={() => setDraft({ ...draft, [f.key]: o })}
                  >
                    {o}
                  </Text>
                ))}
              </View>
            ) : (
              <View className='ev-input'>
                <Input
                  id={`field-${f.key}`}
                  type={f.type === 'number' ? 'digit' : 'text'}
                  placeholder={`请输入${f.label}`}
                  value={draft[f.key] ?? ''}
                  onChange={(v: string) => setDraft({ ...draft, [f.key]: v })}
                />
              </View>
            )}
            {errors[f.key] ? <Text className='field-error'>{errors[f.key]}</Text> : null}
          </View>
        ))}
        {error && !error.fields?.length ? (
          <Text className='field-error' id='signup-error'>
            {error.message}
          </Text>
        ) : null}
        <Button id='signup-submit' className='btn-block' block type='primary' loading={busy} disabled={!ctx?.householdId} onClick={() => void submit()}>
          {full ? '加入候补' : '提交报名'}
        </Button>
        <Text className='muted' style={{ display: 'block', marginTop: '16px' }}>
          提交时会请求活动提醒订阅，活动前一天和前一小时提醒你；消息也会出现在「我的活动」。
        </Text>
      </View>
    </View>
  )
}
