import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { IDEA_STATUSES, IDEA_STATUS_LABELS, type IdeaStatus } from '@contracts/event'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { toastError } from '../../../../services/result'
import { formatDate } from '../../../../utils/time'
import { TextBox } from '../../../../components/TextBox'
import { Chip, Icon, Section, Segmented, type Tone } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import '../../event.scss'

type Idea = OutputOf<'event.listIdeas'>['ideas'][number]
const STATUS_TONE: Record<IdeaStatus, Tone> = { new: 'info', considered: 'accent', planned: 'primary', launched: 'muted' }

/** Residents' ideas from event feedback; operators tag them and move them towards launch. */
export default function IdeasPage() {
  const q = useQuery(() => api.event.listIdeas(), [])
  const [filter, setFilter] = useState<IdeaStatus | 'all'>('all')
  const [tagDraft, setTagDraft] = useState<Record<string, string>>({})

  const save = async (idea: Idea, patch: { status?: IdeaStatus; tags?: string[] }) => {
    const r = await api.event.updateIdea({ id: idea.id, status: patch.status ?? idea.status, tags: patch.tags ?? idea.tags })
    if (!r.ok) return toastError(r.error)
    q.setData((prev) => ({ ideas: (prev?.ideas ?? []).map((i) => (i.id === idea.id ? r.data : i)) }))
  }

  return (
    <PageShell
      id='ideas-page'
      query={q}
      empty={whenEmpty((d) => d.ideas, { title: '还没有新服务创意', hint: '住户在活动评价里写下想要的新服务后，会出现在这里' })}
    >
      {({ ideas }) => {
        const shown = filter === 'all' ? ideas : ideas.filter((i) => i.status === filter)
        return (
          <>
            <Segmented<IdeaStatus | 'all'>
              id='idea-filter'
              value={filter}
              options={[
                { value: 'all', label: `全部 ${ideas.length}` },
                ...IDEA_STATUSES.map((s) => ({ value: s, label: `${IDEA_STATUS_LABELS[s]} ${ideas.filter((i) => i.status === s).length}` }))
              ]}
              onChange={setFilter}
            />
            {shown.length === 0 ? <Text className='ev-hint'>没有这一状态的创意</Text> : null}
            {shown.map((i) => (
              <Section key={i.id} id={`idea-${i.id}`} title={<Chip text={IDEA_STATUS_LABELS[i.status]} tone={STATUS_TONE[i.status]} />} extra={`${i.authorName} · ${formatDate(i.createdAt)}`}>
                <Text className='ev-idea__text'>
                  {i.text}
                </Text>
                <Text className='ev-hint'>来自「{i.eventTitle}」的反馈</Text>
                {i.tags.length ? (
                  <View className='ev-tags'>
                    {i.tags.map((t) => (
                      <View key={t} className='ev-tag' id={`idea-${i.id}-tag-${t}`} onClick={() => void save(i, { tags: i.tags.filter((x) => x !== t) })}>
                        <Text>#{t}</Text>
                        <Icon name='close' size='xs' color='info' />
                      </View>
                    ))}
                  </View>
                ) : null}
                <View className='ev-tagrow'>
                  <View className='ev-tagrow__input'>
                    <TextBox id={`idea-${i.id}-tag`} value={tagDraft[i.id] ?? ''} placeholder='添加标签，例如 家政' maxLength={10} onChange={(v) => setTagDraft({ ...tagDraft, [i.id]: v })} />
                  </View>
                  <Button
                    fill='outline'
                    type='primary'
                    id={`idea-${i.id}-tag-add`}
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
                <Text className='ev-label'>推进到</Text>
                <Segmented<IdeaStatus> id={`idea-${i.id}-status`} value={i.status} options={IDEA_STATUSES.map((s) => ({ value: s, label: IDEA_STATUS_LABELS[s] }))} onChange={(s) => void save(i, { status: s })} />
              </Section>
            ))}
          </>
        )
      }}
    </PageShell>
  )
}
