import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { Answers } from '@contracts/message-surveys'
import { PROFILE_FACT_LABELS, SURVEY_CHANNEL_LABELS } from '@contracts/survey-kinds'
import { visibleKeys } from '@contracts/survey-logic'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { newRequestId } from '../../../../services/request-id'
import { type FieldErrors, fieldsByPath } from '../../../../utils/form-errors'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { QuestionInput, answerText } from '../../components/QuestionInput'
import '../../survey.scss'

type Channel = 'paper' | 'door'

/**
 * A survey to answer: questions appear as earlier answers call for them. A resident answers for
 * their home (or themself); a butler opened with a household enters its paper or door-to-door copy.
 */
export default function AnswerSurveyPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const householdId = params.householdId ? decodeURIComponent(params.householdId) : undefined
  const q = useQuery(() => api.message.survey(householdId ? { id, householdId } : { id }), [id, householdId], { enabled: id !== '', reloadOnShow: false })
  const [answers, setAnswers] = useState<Answers>({})
  const [channel, setChannel] = useState<Channel>('door')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const requestId = useMemo(() => newRequestId(), [])

  const submit = async () => {
    setBusy(true)
    setMessage(null)
    const r = householdId ? await api.message.recordSurvey({ id, householdId, channel, answers }) : await api.message.answerSurvey({ id, answers, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error))
      setMessage(r.error.message)
      return
    }
    const filled = r.data.profileUpdated.map((f) => PROFILE_FACT_LABELS[f])
    void Taro.showToast({ title: householdId ? '已录入' : '提交成功，谢谢', icon: 'success' })
    if (filled.length) setMessage(`已按你的授权更新房屋档案：${filled.join('、')}`)
    void q.reload()
  }

  return (
    <PageShell id='survey-answer' query={q}>
      {(s) => {
        const shown = visibleKeys(s.items, answers)
        if (s.mine) {
          return (
            <>
              <Section title={s.title}>
                <Notice tone='success'>
                  {householdId ? '该户已提交' : '你已提交'}（{SURVEY_CHANNEL_LABELS[s.mine.channel]} · {formatDateTime(s.mine.at)}），感谢参与
                </Notice>
                {message ? <Notice tone='info'>{message}</Notice> : null}
              </Section>
              <Section title={s.anonymous ? '我的回答（匿名，物业看不到是谁填写的）' : '我的回答'}>
                <KVList rows={s.items.filter((x) => s.mine?.answers[x.key] !== undefined).map((x) => ({ label: x.title, value: answerText(x, s.mine?.answers[x.key]) }))} />
              </Section>
            </>
          )
        }
        return (
          <>
            <Section title={s.title}>
              {s.intro ? <Text className='sv-intro'>{s.intro}</Text> : null}
              <Text className='sv-meta'>
                {formatDateTime(s.closesAt)} 截止 · {s.anonymous ? '匿名填写' : '实名填写'}
              </Text>
              {s.fillsProfile ? <Notice tone='info'>带「档案」标记的题目，会按你此前的授权更新房屋档案，并注明来自本问卷</Notice> : null}
              {s.state !== 'open' ? <Notice tone='warning'>{s.state === 'closed' ? '问卷已截止' : '问卷尚未开始'}</Notice> : null}
            </Section>
            {householdId ? (
              <Section title='调研方式'>
                <Choices<Channel> id='survey-channel' value={channel} options={[{ value: 'door', label: '上门调研' }, { value: 'paper', label: '纸质问卷' }]} onChange={setChannel} />
              </Section>
            ) : null}
            {s.items
              .filter((x) => shown.has(x.key))
              .map((x, i) => (
                <Section key={x.key} id={`question-${x.key}`}>
                  <View>
                    <Text className='sv-q__title'>
                      {i + 1}. {x.title}
                      {x.required ? <Text className='sv-q__need'>*</Text> : null}
                      {x.profileFact && s.fillsProfile ? <Text className='sv-meta'>（档案：{PROFILE_FACT_LABELS[x.profileFact]}）</Text> : null}
                    </Text>
                  </View>
                  <QuestionInput
                    q={x}
                    value={answers[x.key]}
                    onChange={(a) => {
                      const next = { ...answers }
                      if (a === undefined) delete next[x.key]
                      else next[x.key] = a
                      setAnswers(next)
                      setErrors({ ...errors, [`answers.${x.key}`]: '' })
                    }}
                  />
                  {errors[`answers.${x.key}`] ? <Text className='sv-q__error'>{errors[`answers.${x.key}`]}</Text> : null}
                </Section>
              ))}
            {message ? <Notice tone='danger'>{message}</Notice> : null}
            {s.state === 'open' ? (
              <ActionBar>
                <Button id='survey-submit' type='primary' block loading={busy} onClick={() => void submit()}>
                  {householdId ? '录入答卷' : '提交'}
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
