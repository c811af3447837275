import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { TaskKind } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { pageLink } from '../../../../utils/link'
import { ButtonRow, Cell, CellGroup, Chip, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { FollowUpForm } from '../../components/FollowUpForm'
import { barWidth, dayLabel, percent } from '../../format'
import { BUTLER_PKG, growLink } from '../../links'
import '../../butler.scss'

type Task = OutputOf<'insights.todayTasks'>['tasks'][number]
const go = (url: string) => void Taro.navigateTo({ url })

/** What the task's button says, and what a household is marked with before and after. */
const ACTION: Record<TaskKind, { button: string; done: string; todo: string }> = {
  invite_event: { button: '去分享邀请', done: '', todo: '' },
  follow_risk: { button: '', done: '已跟进', todo: '待跟进' },
  deliver: { button: '去配送', done: '已送达', todo: '待送达' },
  follow_rating: { button: '去回访', done: '已回访', todo: '待回访' },
  deliver_parcel: { button: '去送快递', done: '已送达', todo: '待送达' },
  sell_share: { button: '打开工具包', done: '', todo: '' },
  sell_visit: { button: '打开工具包', done: '', todo: '' },
  sell_order: { button: '打开工具包', done: '', todo: '' }
}

function TaskCard({ t, communityId, onChanged }: { t: Task; communityId: string | undefined; onChanged: () => void }) {
  const [open, setOpen] = useState('')
  const a = ACTION[t.kind]
  return (
    <Section id={`task-${t.kind}`} title={t.title} extra={<Chip id={`task-${t.kind}-progress`} text={t.done ? '已完成' : `${t.progress}/${t.target}`} tone={t.done ? 'primary' : 'accent'} />}>
      <Text className='bt-meta'>{t.detail}</Text>
      <View className='bt-bar'>
        <View className={`bt-bar__fill ${t.done ? 'bt-bar__fill--done' : ''}`} style={{ width: barWidth(t.progress, t.target) }} />
      </View>
      {t.kind === 'invite_event' ? <Text className='bt-meta'>已有 {t.progress} 位邻居通过你的邀请打开活动</Text> : null}
      {t.households.map((h) => (
        <View key={h.householdId} className='bt-hh' id={`task-${t.kind}-${h.householdId}`}>
          <View className='bt-title-row'>
            <Text className='bt-hh__label'>{h.label}</Text>
            {h.done ? <Chip id={`done-${t.kind}-${h.householdId}`} text={a.done} tone='primary' /> : <Chip text={a.todo} tone='accent' />}
          </View>
          {h.why ? <Text className='bt-hh__why'>{h.why}</Text> : null}
          {t.kind === 'follow_risk' ? (
            <ButtonRow>
              <Button id={`file-${h.householdId}`} fill='outline' type='primary' onClick={() => go(pageLink(t.link, { householdId: h.householdId, taskId: t.taskId, communityId }))}>
                住户档案
              </Button>
              {h.done || open === h.householdId ? null : (
                <Button id={`follow-${h.householdId}`} type='primary' onClick={() => setOpen(h.householdId)}>
                  记录跟进
                </Button>
              )}
            </ButtonRow>
          ) : null}
          {open === h.householdId && !h.done ? (
            <FollowUpForm
              householdId={h.householdId}
              idPrefix={`follow-${h.householdId}`}
              onCancel={() => setOpen('')}
              onDone={() => {
                setOpen('')
                onChanged()
              }}
            />
          ) : null}
        </View>
      ))}
      {a.button ? (
        <ButtonRow>
          <Button id={`task-${t.kind}-go`} type='primary' fill={t.done ? 'outline' : 'solid'} onClick={() => go(pageLink(t.link, { communityId }))}>
            {a.button}
          </Button>
        </ButtonRow>
      ) : null}
    </Section>
  )
}

/** 今日任务: generated each night from the rules; progress comes from what actually happened. */
export default function TasksPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const q = useQuery(() => api.insights.todayTasks(), [])
  const communityId = params.communityId ?? me?.current?.communityId

  return (
    <PageShell id='tasks-page' query={q}>
      {(data) => {
        const done = data.tasks.filter((t) => t.done).length
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>今日任务</Text>
              <Text className='hero-sub'>
                {dayLabel(data.day)}，共 {data.tasks.length} 项{data.tasks.length ? `，已完成 ${done} 项` : ''}
              </Text>
              <View className='bt-hero__row'>
                <Text className='hero-sub'>整体完成度</Text>
                <Text className='bt-hero__pct' id='tasks-completion'>
                  {percent(data.completionBp)}
                </Text>
              </View>
              <View className='bt-hero__bar'>
                <View className='bt-hero__fill' style={{ width: `${Math.min(100, data.completionBp / 100)}%` }} />
              </View>
            </View>
            <CellGroup>
              <Cell id='tasks-grow' icon='star' title='培训 · 工具包 · 佣金' desc='学课程拿证书，用工具包分享，看本月佣金' onClick={() => go(growLink())} />
            </CellGroup>
            {data.tasks.length === 0 ? (
              <EmptyState
                title='今天没有待办任务'
                hint='任务每晚根据网格住户的情况生成，有流失预警、配送或回访时会出现在这里'
                action={{ text: '看看我的网格', onClick: () => go(pageLink(`${BUTLER_PKG}/grid/index`, { communityId })) }}
              />
            ) : null}
            {data.tasks.map((t) => (
              <TaskCard key={t.taskId} t={t} communityId={communityId} onChanged={() => void q.reload()} />
            ))}
          </>
        )
      }}
    </PageShell>
  )
}
