import { Text, View } from '@tarojs/components'
import type { OutputOf } from '@contracts/registry'
import { formatDateTime, minutesText } from '../../../utils/time'
import { Chip, type Tone } from '../../../ui/kit'

type Stage = OutputOf<'desk.workOrder'>['workOrder']['stages'][number]

const TONES: Record<Stage['state'], Tone> = { met: 'primary', late: 'accent', breached: 'danger', pending: 'muted' }

function stateText(s: Stage, now: number): string {
  const min = (ms: number) => minutesText(Math.max(1, Math.round(ms / 60_000)))
  if (s.state === 'met') return '按时'
  if (s.state === 'late') return `超时 ${min((s.doneAt ?? s.dueAt) - s.dueAt)}`
  if (s.state === 'breached') return `已超时 ${min(now - s.dueAt)}`
  return `剩 ${min(s.dueAt - now)}`
}

/** The work order's SLA timers (respond, arrive, finish): when each is due and how it stands. */
export function WorkOrderTimers({ stages, now }: { stages: readonly Stage[]; now: number }) {
  return (
    <View className='sv-timers' id='wo-timers'>
      {stages.map((s) => (
        <View key={s.stage} className={`sv-timer sv-timer--${s.state}`}>
          <Text className='sv-timer__label'>{s.label}</Text>
          <Chip text={stateText(s, now)} tone={TONES[s.state]} />
          <Text className='sv-meta'>{s.doneAt ? `${formatDateTime(s.doneAt)} 完成` : `${formatDateTime(s.dueAt)} 前`}</Text>
        </View>
      ))}
    </View>
  )
}
