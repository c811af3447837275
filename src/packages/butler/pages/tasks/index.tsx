import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { TaskKind } from '@contracts/insights-labels'
import { StateView } from '../../../../components/StateView'
import { BUTLER_PKG, type Task, type Tasks, todayTasks } from '../../../../services/insights'
import { Button } from '../../../../ui/nut'
import { FollowUpForm } from '../../components/FollowUpForm'
import { barWidth, dayLabel, percent } from '../../format'
import '../../butler.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** What the task's button says, and what a finished household is marked with. */
const ACTION: Record<TaskKind, { button: string; done: string; todo: string }> = {
  invite_event: { button: '去分享邀请', done: '', todo: '' },
  follow_risk: { button: '', done: '✓ 已跟进', todo: '待跟进' },
  deliver: { button: '去配送', done: '✓ 已送达', todo: '待送达' },
  follow_rating: { button: '去回访', done: '✓ 已回访', todo: '待回访' }
}

function TaskCard({ t, onChanged }: { t: Task; onChanged: () => void }) {
  const [open, setOpen] = useState('')
  const a = ACTION[t.kind]
  return (
    <View className='card' id={`task-${t.kind}`}>
      <View className='bt-title-row'>
        <Text className='bt-title'>{t.title}</Text>
        <Text className={`badge ${t.done ? '' : 'badge--accent'}`} id={`task-${t.kind}-progress`}>
          {t.done ? '已完成' : `${t.progress}/${t.target}`}
        </Text>
      </View>
      <Text className='bt-meta'>{t.detail}</Text>
      <View className='bt-bar'>
        <View className={`bt-bar__fill ${t.done ? 'bt-bar__fill--done' : ''}`} style={{ width: barWidth(t.progress, t.target) }} />
      </View>
      {t.kind === 'invite_event' ? <Text className='bt-meta'>已有 {t.progress} 位邻居通过你的邀请打开活动</Text> : null}
      {t.households.length > 0 ? <View style={{ marginTop: Taro.pxTransform(16) }} /> : null}
      {t.households.map((h) => (
        <View key={h.householdId} className='bt-hh' id={`task-${t.kind}-${h.householdId}`}>
          <View className='bt-hh__row'>
            <View className='bt-hh__main'>
              <Text className='bt-hh__label'>{h.label}</Text>
              {h.why ? <Text className='bt-hh__why'>{h.why}</Text> : null}
            </View>
            {t.kind === 'follow_risk' ? (
              <View className='bt-hh__actions'>
                {h.done ? (
                  <Text className='bt-done' id={`done-${t.kind}-${h.householdId}`}>
                    {a.done}
                  </Text>
                ) : null}
                <Button
                  id={`file-${h.householdId}`}
                  size='small'
                  fill='outline'
                  type='primary'
                  onClick={() => go(`${t.link}?householdId=${h.householdId}&taskId=${encodeURIComponent(t.taskId)}`)}
                >
                  档案
                </Button>
                {h.done || open === h.householdId ? null : (
                  <Button id={`follow-${h.householdId}`} size='small' type='primary' onClick={() => setOpen(h.householdId)}>
                    记录跟进
                  </Button>
                )}
              </View>
            ) : h.done ? (
              <Text className='bt-done' id={`done-${t.kind}-${h.householdId}`}>
                {a.done}
              </Text>
            ) : (
              <Text className='bt-todo'>{a.todo}</Text>
            )}
          </View>
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
        <View className='bt-actions'>
          <Button id={`task-${t.kind}-go`} size='small' type='primary' fill={t.done ? 'outline' : 'solid'} onClick={() => go(t.link)}>
            {a.button}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

/** 今日任务: generated each night from the rules; progress comes from what actually happened. */
export default function TasksPage() {
  const [data, setData] = useState<Tasks | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await todayTasks()
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const done = data.tasks.filter((t) => t.done).length
  return (
    <View className='page' id='tasks-page'>
      <View className='hero'>
        <Text className='hero-title'>今日任务</Text>
        <Text className='hero-sub'>
          {dayLabel(data.day)} · 共 {data.tasks.length} 项{data.tasks.length ? `，已完成 ${done} 项` : ''}
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
      {data.tasks.length === 0 ? (
        <View className='card'>
          <StateView empty='今天没有待办任务' />
          <View style={{ marginTop: Taro.pxTransform(16) }}>
            <Button block fill='outline' type='primary' onClick={() => go(`${BUTLER_PKG}/grid/index`)}>
              看看我的网格
            </Button>
          </View>
        </View>
      ) : null}
      {data.tasks.map((t) => (
        <TaskCard key={t.taskId} t={t} onChanged={() => void load()} />
      ))}
    </View>
  )
}
