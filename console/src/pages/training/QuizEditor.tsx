import { Button, Checkbox, Input, Radio } from 'tdesign-react'
import { AddIcon, ArrowDownIcon, ArrowUpIcon, CloseIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import { MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS, QUESTION_KINDS, QUESTION_KIND_LABELS } from '@contracts/training-labels'
import { Field } from '../../shell/Field'
import { type QuestionForm, blankQuestion, moved, statusUnder } from './course-form'

/** The quiz's questions: single or multiple choice, 2–6 options, the correct ones ticked. */
export function QuizEditor({ questions, onChange, error }: { questions: QuestionForm[]; onChange: (next: QuestionForm[]) => void; error: ApiError | null }) {
  const set = (i: number, p: Partial<QuestionForm>) => onChange(questions.map((q, k) => (k === i ? { ...q, ...p } : q)))
  const setOption = (i: number, o: number, p: Partial<QuestionForm['options'][number]>) => {
    const q = questions[i]!
    // A single-choice question keeps one correct option: ticking another moves the tick.
    const single = q.kind === 'single' && p.correct === true
    set(i, { options: q.options.map((x, k) => (k === o ? { ...x, ...p } : single ? { ...x, correct: false } : x)) })
  }
  const at = (i: number, field: string) => statusUnder(error, `course.quiz.questions.${i}.${field}`)
  return (
    <div className='training-list'>
      {questions.map((q, i) => (
        <div className='training-item question-item' key={q.key}>
          <div className='training-item__head'>
            <strong>第 {i + 1} 题</strong>
            <span className='training-item__tools'>
              <Button variant='text' size='small' icon={<ArrowUpIcon />} disabled={i === 0} onClick={() => onChange(moved(questions, i, -1))}>
                上移
              </Button>
              <Button variant='text' size='small' icon={<ArrowDownIcon />} disabled={i === questions.length - 1} onClick={() => onChange(moved(questions, i, 1))}>
                下移
              </Button>
              <Button variant='text' size='small' theme='danger' icon={<DeleteIcon />} disabled={questions.length === 1} onClick={() => onChange(questions.filter((_, k) => k !== i))}>
                删除
              </Button>
            </span>
          </div>
          <Field label='题目' required {...at(i, 'text')}>
            <div className='inline-fields training-grow'>
              <Input className='question-text' value={q.text} placeholder='例如：开团消息应包含什么？' onChange={(v) => set(i, { text: String(v) })} />
              <Radio.Group variant='default-filled' value={q.kind} onChange={(v) => set(i, { kind: QUESTION_KINDS.find((k) => k === v) ?? q.kind })}>
                {QUESTION_KINDS.map((k) => (
                  <Radio.Button key={k} value={k}>
                    {QUESTION_KIND_LABELS[k]}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </div>
          </Field>
          <Field label='选项' required help='勾选正确答案' {...at(i, 'options')}>
            <div className='doors'>
              {q.options.map((o, k) => (
                <div className='doors__row question-option' key={k}>
                  <span className='step-no'>{String.fromCharCode(65 + k)}</span>
                  <Input className='option-text' value={o.text} placeholder='选项内容' onChange={(v) => setOption(i, k, { text: String(v) })} />
                  <Checkbox className='option-correct' checked={o.correct} onChange={(v) => setOption(i, k, { correct: Boolean(v) })}>
                    正确
                  </Checkbox>
                  <Button variant='text' shape='square' icon={<CloseIcon />} aria-label={`删除选项 ${String.fromCharCode(65 + k)}`} disabled={q.options.length <= MIN_OPTIONS} onClick={() => set(i, { options: q.options.filter((_, m) => m !== k) })} />
                </div>
              ))}
              {q.options.length < MAX_OPTIONS ? (
                <Button className='option-add' variant='text' theme='primary' icon={<AddIcon />} onClick={() => set(i, { options: [...q.options, { text: '', correct: false }] })}>
                  加一个选项
                </Button>
              ) : null}
            </div>
          </Field>
        </div>
      ))}
      {questions.length < MAX_QUESTIONS ? (
        <Button id='question-add' variant='dashed' icon={<AddIcon />} onClick={() => onChange([...questions, blankQuestion()])}>
          添加题目
        </Button>
      ) : null}
    </div>
  )
}
