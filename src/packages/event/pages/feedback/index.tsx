import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FeedbackInputSchema, RATING_DIMENSIONS, RATING_LABELS, type RatingDimension } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { submitFeedback } from '../../../../services/event'
import { TextArea } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../event.scss'

export default function FeedbackPage() {
  const { params } = useRouter()
  const eventId = params.id ?? ''
  const [ratings, setRatings] = useState<Record<RatingDimension, number>>({ content: 0, organisation: 0, service: 0 })
  const [comment, setComment] = useState('')
  const [ideas, setIdeas] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [local, setLocal] = useState('')
  const [done, setDone] = useState<{ rewardText: string | null } | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const input = { eventId, ratings, comment, ideas }
    const parsed = FeedbackInputSchema.safeParse(input)
    if (!parsed.success) {
      setLocal('请为每一项打分（1-5 星）')
      return
    }
    setLocal('')
    setBusy(true)
    const r = await submitFeedback(input)
    setBusy(false)
    if (r.ok) setDone(r.data)
    else setError(r.error)
  }

  if (done) {
    return (
      <View className='page'>
        <View className='card' id='feedback-done' style={{ textAlign: 'center' }}>
          <Text className='section-title'>感谢你的评价！</Text>
          {done.rewardText ? (
            <Text className='badge badge--accent' id='feedback-reward'>
              已获得 {done.rewardText}
            </Text>
          ) : (
            <Text className='muted'>你的建议会出现在社区的新服务创意墙上。</Text>
          )}
          <Button className='btn-block' block type='primary' onClick={() => void Taro.navigateBack()}>
            返回
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='page' id='feedback-page'>
      <View className='card'>
        {RATING_DIMENSIONS.map((d) => (
          <View key={d} className='ev-field'>
            <Text className='ev-label'>{RATING_LABELS[d]}</Text>
            <View className='ev-stars'>
              {[1, 2, 3, 4, 5].map((n) => (
                <Text key={n} id={`rate-${d}-${n}`} className={`ev-star ${ratings[d] >= n ? 'ev-star--on' : ''}`} onClick={() => setRatings({ ...ratings, [d]: n })}>
                  ★
                </Text>
              ))}
            </View>
          </View>
        ))}
        <View className='ev-field'>
          <Text className='ev-label'>说说你的感受（选填）</Text>
          <TextArea id='feedback-comment' value={comment} maxLength={500} placeholder='哪里好，哪里可以更好' onChange={(v: string) => setComment(v)} />
        </View>
        <View className='ev-field'>
          <Text className='ev-label'>你还希望物业提供哪些新服务？（选填）</Text>
          <TextArea id='feedback-ideas' value={ideas} maxLength={500} placeholder='例如：上门除螨、宠物寄养' onChange={(v: string) => setIdeas(v)} />
        </View>
        {local || error ? (
          <Text className='field-error' id='feedback-error'>
            {local || error?.message}
          </Text>
        ) : null}
        <Button id='feedback-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void submit()}>
          提交评价
        </Button>
      </View>
    </View>
  )
}
