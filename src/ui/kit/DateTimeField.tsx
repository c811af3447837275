import { Picker, Text, View } from '@tarojs/components'
import { formatDate, parseShanghai, shanghai } from '../../utils/time'
import { Field } from './Field'
import { Icon } from './Icon'
import './DateTimeField.scss'

export interface DateTimeFieldProps {
  label: string
  /** Epoch ms; null until chosen. */
  value: number | null
  onChange(ms: number): void
  /** `date` answers 00:00 of the chosen day (Asia/Shanghai). Default `datetime`. */
  mode?: 'date' | 'datetime'
  min?: number
  max?: number
  /** Parts: `${id}-date`, `${id}-time`, `${id}-error`. */
  id?: string
  error?: string
  required?: boolean
  hint?: string
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
/** The time a date gets when it is chosen before any time is. */
const FIRST_TIME = '09:00'

function clock(ms: number): string {
  return shanghai(ms).format('HH:mm')
}

/** `day` + `time` in Asia/Shanghai, kept inside [min, max]. */
export function pickedMs(day: string, time: string, min?: number, max?: number): number {
  const ms = parseShanghai(`${day} ${time}`)
  if (min !== undefined && ms < min) return min
  if (max !== undefined && ms > max) return max
  return ms
}

/**
 * A date, or a date and a time, chosen with the phone's own pickers and shown in Asia/Shanghai,
 * whatever the phone's time zone; never typed. Days and times outside [min, max] cannot be picked.
 */
export function DateTimeField({ label, value, onChange, mode = 'datetime', min, max, id, error, required, hint }: DateTimeFieldProps) {
  const day = value === null ? '' : formatDate(value)
  const time = value === null ? '' : clock(value)
  const weekday = value === null ? '' : `周${WEEKDAYS[shanghai(value).day()] ?? ''}`
  const minDay = min === undefined ? undefined : formatDate(min)
  const maxDay = max === undefined ? undefined : formatDate(max)
  // The day a time is chosen for; before any day is, the first allowed one (or today).
  const baseDay = day || minDay || formatDate(Date.now())
  // The time picker is bounded only on the first and the last allowed day.
  const timeStart = min !== undefined && baseDay === minDay ? clock(min) : undefined
  const timeEnd = max !== undefined && baseDay === maxDay ? clock(max) : undefined
  const part = (p: string) => (id ? `${id}-${p}` : undefined)

  return (
    <Field label={label} required={required} error={error} hint={hint} id={id}>
      <View className='kit-dt'>
        <Picker
          className='kit-dt__date'
          mode='date'
          value={day || baseDay}
          start={minDay}
          end={maxDay}
          onChange={(e) => onChange(pickedMs(e.detail.value, mode === 'date' ? '00:00' : time || FIRST_TIME, min, max))}
        >
          <View id={part('date')} className={`kit-dt__box${day ? '' : ' kit-dt__box--empty'}`}>
            <Icon name='calendar' size='s' color='muted' />
            <Text className='kit-dt__text'>{day ? `${day} ${weekday}` : '选择日期'}</Text>
          </View>
        </Picker>
        {mode === 'datetime' ? (
          <Picker className='kit-dt__time' mode='time' value={time || FIRST_TIME} start={timeStart} end={timeEnd} onChange={(e) => onChange(pickedMs(baseDay, e.detail.value, min, max))}>
            <View id={part('time')} className={`kit-dt__box kit-dt__box--time${time ? '' : ' kit-dt__box--empty'}`}>
              <Icon name='time' size='s' color='muted' />
              <Text className='kit-dt__text'>{time || '选择时间'}</Text>
            </View>
          </Picker>
        ) : null}
      </View>
    </Field>
  )
}
