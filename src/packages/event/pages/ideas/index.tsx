import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { IDEA_STATUSES, IDEA_STATUS_LABELS, type IdeaStatus } from '@contracts/event'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Idea, listIdeas, updateIdea } from '../../../../services/event'
import { toastError } from '../../../../services/result'
import { formatDate } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../event.scss'

/** Residents' ideas from event feedback; operators tag them and move them towards launch. */
export default function IdeasPage() {
  const [ideas, setIdeas] = useState<Idea[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [filter, setFilter] = useState<IdeaStatus | 'all'>('all')
  const [tagDraft, setTagDraft] = useState<Record<string, string>>({})

  const load = async () => {
    const r = await listIdeas()
    if (r.ok) setIdeas(r.data.ideas)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const save = async (idea: Idea, patch: { status?: IdeaStatus; tags?: string[] }) => {
    const r = await updateIdea({ id: idea.id, status: patch.status ?? idea.status, tags: patch.tags ?? idea.tags })
    if (!r.ok) return toastError(r.error)
    setIdeas((ideas ?? []).map((i) => (i.id === idea.id ? r.data : i)))
  }

  if (!ideas) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  const shown = filter === 'all' ? ideas : ideas.filter((i) => i.status === filter)
  return (
    <View className='page' id='ideas-page'>
      <View className='ev-choices' style={{ marginBottom: '24px' }}>
        {(['all', ...IDEA_STATUSES] as const).map((s) => (
          <Text key={s} className={`ev-choice ${filter === s ? 'ev-choice--on' : ''}`} onClick={() => setFilter(s)}>
            {s === 'all' ? `全部 ${ideas.length}` : `${IDEA_STATUS_LABELS[s]} ${ideas.filter((i) => i.status === s).length}`}
          </Text>
        ))}
      </View>
      {shown.length === 0 ? <StateView empty='暂无创意' /> : null}
      {shown.map((i) => (
        <View key={i.id} className='card' id={`idea-${i.id}`}>
          <View className='row'>
            <Text className='badge'>{IDEA_STATUS_LABELS[i.status]}</Text>
            <Text className='muted'>
              {i.authorName} · {formatDate(i.createdAt)}
            </Text>
          </View>
          <Text className='ev-card__title'>{i.text}</Text>
          <Text className='muted'>来自「{i.eventTitle}」的反馈</Text>
          <View className='ev-choices' style={{ marginTop: '16px' }}>
            {i.tags.map((t) => (
              <Text key={t} className='badge badge--info' onClick={() => void save(i, { tags: i.tags.filter((x) => x !== t) })}>
                #{t} ×
              </Text>
            ))}
          </View>
          <View className='row' style={{ marginTop: '16px' }}>
            <View className='ev-input' style={{ flex: 1, marginRight: '16px' }}>
              <Input value={tagDraft[i.id] ?? ''} placeholder='添加标签' maxLength={10} onChange={(v: string) => setTagDraft({ ...tagDraft, [i.id]: v })} />
            </View>
            <Button
              size='small'
              fill='outline'
              onClick={() => {
                const tag = (tagDraft[i.id] ?? '').trim()
                if (!tag) return
                setTagDraft({ ...tagDraft, [i.id]: '' })
                void save(i, { tags: [...i.tags, tag] })
              }}
            >
              添加
            </Button>
          </View>
          <View className='ev-choices' style={{ marginTop: '16px' }}>
            {IDEA_STATUSES.map((s) => (
              <Text key={s} id={`idea-${i.id}-${s}`} className={`ev-choice ${i.status === s ? 'ev-choice--on' : ''}`} onClick={() => void save(i, { status: s })}>
                {IDEA_STATUS_LABELS[s]}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  )
}
