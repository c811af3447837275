import { Tag } from 'tdesign-react'
import type { WorkOrderViewT, WorkStatus } from '@contracts/desk-work'
import { formatDateTime, minutesText } from '../../../../src/utils/time'

type Stage = WorkOrderViewT['stages'][number]

export const STATUS_THEMES: Record<WorkStatus, 'danger' | 'warning' | 'success' | 'primary' | 'default'> = {
  open: 'warning',
  accepted: 'primary',
  arrived: 'primary',
  done: 'success',
  visited: 'default',
  cancelled: 'default'
}

const STATE_THEMES = { met: 'success', late: 'warning', breached: 'danger', pending: 'default' } as const

/** `响应 已超时 12分钟`, `到场 剩 18分钟`, `完成 按时`: one stage at a glance. */
export function stageText(s: Stage, now: number, withLabel = true): string {
  const min = (ms: number) => minutesText(Math.max(1, Math.round(ms / 60_000)))
  const label = withLabel ? s.label : ''
  if (s.state === 'met') return `${label}按时`
  if (s.state === 'late') return `${label}超时 ${min((s.doneAt ?? s.dueAt) - s.dueAt)}`
  if (s.state === 'breached') return `${label}已超时 ${min(now - s.dueAt)}`
  return `${label}剩 ${min(s.dueAt - now)}`
}

export function StageTags({ stages, now }: { stages: readonly Stage[]; now: number }) {
  return (
    <span className='cell-inline stage-tags'>
      {stages.map((s) => (
        <Tag key={s.stage} size='small' theme={STATE_THEMES[s.state]} variant={s.state === 'breached' ? 'dark' : 'light'} title={`时限 ${formatDateTime(s.dueAt)}${s.doneAt ? `，${formatDateTime(s.doneAt)} 完成` : ''}`}>
          {stageText(s, now)}
        </Tag>
      ))}
    </span>
  )
}
