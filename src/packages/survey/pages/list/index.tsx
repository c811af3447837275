import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SURVEY_PER_LABELS } from '@contracts/survey-kinds'
import { api, useSession } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Chip, Section } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { STATE_TONE, stateText, surveyLink } from '../../links'
import '../../survey.scss'

/** Surveys: a resident sees those sent to their home and answers; staff see every survey and open its results. */
export default function SurveysPage() {
  const { me } = useSession()
  const role = me?.current?.role
  const staff = role === 'operator' || role === 'service' || role === 'butler'
  const q = useQuery(() => api.message.surveys({}), [])
  return (
    <PageShell id='surveys-page' query={q} empty={whenEmpty((d) => d.items, { title: '暂无问卷', hint: staff ? '在电脑端管理后台「问卷调研」中发布问卷' : '物业发起调研后，会在这里邀请你填写' })}>
      {(d) => (
        <>
          {d.items.map((s) => (
            <Section key={s.id} id={`survey-${s.id}`} title={s.title} extra={<Chip text={!staff && s.answered ? '已填写' : stateText(s.state)} tone={!staff && s.answered ? 'muted' : STATE_TONE[s.state]} />}>
              <View className='sv-row' onClick={() => void Taro.navigateTo({ url: surveyLink(staff ? 'results' : 'answer', { id: s.id }) })}>
                <View className='sv-chips'>
                  <Chip text={`${s.questions} 题`} tone='info' />
                  <Chip text={SURVEY_PER_LABELS[s.per]} />
                  {s.anonymous ? <Chip text='匿名' /> : null}
                  {staff ? <Chip text={s.audienceLabel} /> : null}
                </View>
                <Text className='sv-meta'>
                  {formatDateTime(s.closesAt)} 截止{staff ? ` · 已回收 ${s.responses} 份` : ''}
                </Text>
                {!staff && !s.answered && s.state === 'open' ? <Text className='sv-q__need'>去填写</Text> : null}
              </View>
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
