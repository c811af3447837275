import { Text, View } from '@tarojs/components'
import type { Answers, Question } from '@contracts/message-surveys'
import { Choices } from '../../../components/Choices'
import { TextBox } from '../../../components/TextBox'

type Answer = Answers[string] | undefined

/** One question's control, by its type: pills for choices, a row of scores, a number or a text box. */
export function QuestionInput({ q, value, onChange }: { q: Question; value: Answer; onChange: (a: Answer) => void }) {
  if (q.type === 'single') {
    return <Choices id={`answer-${q.key}`} value={typeof value === 'number' ? String(value) : null} options={q.options.map((label, i) => ({ value: String(i), label }))} onChange={(v) => onChange(Number(v))} />
  }
  if (q.type === 'multi') {
    const picked = Array.isArray(value) ? value : []
    return (
      <View className='choices'>
        {q.options.map((label, i) => {
          const on = picked.includes(i)
          return (
            <Text key={i} id={`answer-${q.key}-${i}`} className={`choices__item${on ? ' choices__item--on' : ''}`} onClick={() => onChange(on ? picked.filter((x) => x !== i) : [...picked, i].sort((a, b) => a - b))}>
              {label}
            </Text>
          )
        })}
      </View>
    )
  }
  if (q.type === 'rating') {
    const top = q.max ?? 5
    return (
      <View className='sv-stars'>
        {Array.from({ length: top }, (_, i) => i + 1).map((n) => (
          <Text key={n} id={`answer-${q.key}-${n}`} className={`sv-star${typeof value === 'number' && n <= value ? ' sv-star--on' : ''}`} onClick={() => onChange(n)}>
            {n}
          </Text>
        ))}
      </View>
    )
  }
  if (q.type === 'number') {
    return (
      <TextBox
        id={`answer-${q.key}`}
        type='number'
        value={typeof value === 'number' ? String(value) : ''}
        placeholder={q.min !== undefined || q.max !== undefined ? `${q.min ?? 0} 到 ${q.max ?? 100000}` : '请填写数字'}
        onChange={(v) => onChange(v.trim() === '' ? undefined : Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : undefined)}
      />
    )
  }
  return <TextBox id={`answer-${q.key}`} multiline maxLength={500} value={typeof value === 'string' ? value : ''} placeholder='请填写' onChange={(v) => onChange(v)} />
}

/** An answer as the person gave it. */
export function answerText(q: Question, a: Answer): string {
  if (a === undefined) return '未作答'
  if (q.type === 'single' && typeof a === 'number') return q.options[a] ?? ''
  if (q.type === 'multi' && Array.isArray(a)) return a.map((o) => q.options[o] ?? '').join('、') || '未作答'
  if (q.type === 'rating' && typeof a === 'number') return `${a} 分`
  return String(a)
}
