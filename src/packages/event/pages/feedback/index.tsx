import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FeedbackInputSchema, RATING_DIMENSIONS, RATING_LABELS, type RatingDimension } from '@contracts/event'
import { api } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { ActionBar, ButtonRow, Chip, Field, Icon, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { EventMeta } from '../../components/EventMeta'
import { eventLink } from '../../links'
import '../../event.scss'

/** After the event (from the ticket, the detail page or a message): three ratings and ideas for new services. */
export default function FeedbackPage() {
  const { params } = useRouter()
  const eventId = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.event.get({ id: eventId }), [eventId], { enabled: eventId !== '', reloadOnShow: false })
  const [ratings, setRatings] = useState<Record<RatingDimension, number>>({ content: 0, organisation: 0, service: 0 })
  const [comment, setComment] = useState('')
  const [ideas, setIdeas] = useState('')
  const [error, setError] = useState('')
  const [done, setDone] = useState<{ rewardText: string | null } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const input = { eventId, ratings, comment, ideas }
    if (!FeedbackInputSchema.safeParse(input).success) return setError('请为每一项打分（1-5 星）')
    setError('')
    setBusy(true)
    const r = await api.event.submitFeedback(input)
    setBusy(false)
    if (r.ok) setDone(r.data)
    else setError(r.error.message)
  }
  const back = (communityId: string) => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: eventLink('detail', communityId, { id: eventId }) })
  }

  return (
    <PageShell id='feedback-page' query={q}>
      {({ event: e, mine }) => {
        const attended = mine.find((s) => s.status === 'checkedIn')
        if (done || attended?.feedbackGiven) {
          return (
            <Section id='feedback-done'>
              <View className='ev-done'>
                <Icon name='success' size='xl' color='primary' />
                <Text className='ev-done__title'>{done ? '感谢你的评价！' : '你已评价过这场活动'}</Text>
                {done?.rewardText ? <Chip id='feedback-reward' text={`已获得 ${done.rewardText}`} tone='accent' /> : <Text className='ev-hint'>你的建议会出现在社区的新服务创意墙上。</Text>}
              </View>
              <ButtonRow stacked>
                <Button type='primary' id='feedback-back' onClick={() => back(e.communityId)}>
                  返回活动
                </Button>
              </ButtonRow>
            </Section>
          )
        }
        return (
          <>
            <Section title={e.title}>
              <EventMeta e={e} />
            </Section>
            {!attended ? (
              <Notice tone='warning' id='feedback-not-attended'>
                签到参加活动后才能评价。
              </Notice>
            ) : null}
            <Section title='为这场活动打分'>
              {RATING_DIMENSIONS.map((d) => (
                <Field key={d} label={RATING_LABELS[d]} required>
                  <View className='ev-stars'>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <View key={n} id={`rate-${d}-${n}`} className='ev-star' onClick={() => setRatings({ ...ratings, [d]: n })}>
                        <Icon name={ratings[d] >= n ? 'points' : 'star'} size='l' color={ratings[d] >= n ? 'accent' : 'muted'} />
                      </View>
                    ))}
                    <Text className='ev-stars__text'>{ratings[d] ? `${ratings[d]} 分` : '未打分'}</Text>
                  </View>
                </Field>
              ))}
              <Field label='说说你的感受（选填）'>
                <TextBox id='feedback-comment' multiline value={comment} maxLength={500} placeholder='哪里好，哪里可以更好' onChange={setComment} />
              </Field>
              <Field label='你还希望物业提供哪些新服务？（选填）' hint='写下的建议会进入社区的新服务创意墙'>
                <TextBox id='feedback-ideas' multiline value={ideas} maxLength={500} placeholder='例如：上门除螨、宠物寄养' onChange={setIdeas} />
              </Field>
              {error ? (
                <Text className='field-error' id='feedback-error'>
                  {error}
                </Text>
              ) : null}
            </Section>
            <ActionBar>
              <Button id='feedback-submit' type='primary' loading={busy} disabled={!attended} onClick={() => void submit()}>
                提交评价
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
