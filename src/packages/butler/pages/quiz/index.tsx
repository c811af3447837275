import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { QUESTION_KIND_LABELS, type QuestionKind } from '@contracts/training-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { newRequestId } from '../../../../services/request-id'
import { formatDate } from '../../../../utils/time'
import { ActionBar, ButtonRow, Chip, Icon, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import { courseLink, growLink } from '../../links'
import { type Picks, pick, quizAnswers, unanswered } from '../../quiz-answers'
import '../../butler.scss'

type Question = OutputOf<'training.open'>['quiz']['questions'][number]
type Result = OutputOf<'training.submitQuiz'>

/** Pills of the options: one stays picked for a single choice, any number for a multiple choice. */
function Options({ q, n, picked, onPick }: { q: Question; n: number; picked: readonly number[]; onPick: (option: number) => void }) {
  if (q.kind === 'single') {
    return <Choices id={`q${n}`} value={picked[0] === undefined ? null : String(picked[0])} options={q.options.map((label, i) => ({ value: String(i), label }))} onChange={(v) => onPick(Number(v))} />
  }
  return (
    <View className='choices'>
      {q.options.map((label, i) => (
        <Text key={i} id={`q${n}-${i}`} className={`choices__item${picked.includes(i) ? ' choices__item--on' : ''}`} onClick={() => onPick(i)}>
          {label}
        </Text>
      ))}
    </View>
  )
}

/** The score, pass or not, and which questions were right: never which option was, so the quiz still tests the next time. */
function ResultView({ r, title, onRetry, courseId }: { r: Result; title: string; onRetry: () => void; courseId: string }) {
  return (
    <>
      <Section id='quiz-result' title='测验结果' extra={<Chip id='quiz-verdict' text={r.passed ? '通过' : '未通过'} tone={r.passed ? 'primary' : 'danger'} />}>
        <View className='bt-scoreline'>
          <Text className={`bt-score ${r.passed ? '' : 'bt-score--risk'}`} id='quiz-score'>
            {r.scorePercent} 分
          </Text>
          <Text className='bt-meta'>
            答对 {r.correct}/{r.total} 题，{r.passPercent} 分及格
          </Text>
        </View>
        {r.results.map((ok, i) => (
          <View key={i} className='bt-check' id={`quiz-result-${i + 1}`}>
            <Icon name={ok ? 'check' : 'close'} size='s' color={ok ? 'primary' : 'danger'} />
            <Text className='bt-check__text'>
              第 {i + 1} 题 {ok ? '答对' : '答错'}
            </Text>
          </View>
        ))}
      </Section>
      {r.newlyCertified && r.certificate ? (
        <Notice tone='success' id='quiz-certified'>
          恭喜！你已取得「{title}」证书（{r.certificate.scorePercent} 分，{formatDate(r.certificate.issuedAt)}）
        </Notice>
      ) : null}
      {!r.passed ? <Notice tone='info'>回到课程再看看答错的题目涉及的情境与话术要点，然后再测一次</Notice> : null}
      <ButtonRow>
        <Button id='quiz-retry' fill='outline' type='primary' onClick={onRetry}>
          {r.passed ? '再测一次' : '重新测验'}
        </Button>
        <Button id='quiz-back' type='primary' onClick={() => void Taro.redirectTo({ url: r.passed ? growLink() : courseLink(courseId) })}>
          {r.passed ? '查看我的证书' : '回到课程'}
        </Button>
      </ButtonRow>
    </>
  )
}

/** 课程测验: single and multiple choice, scored on the server against the quiz as it was opened. */
export default function QuizPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.training.open({ id }), [id], { enabled: id !== '', reloadOnShow: false })
  const [picks, setPicks] = useState<Picks>([])
  // The picks as of the last tap, not the last render: a tap and 提交 in one frame must agree.
  const latest = useRef<Picks>([])
  const updatePicks = (f: (prev: Picks) => Picks) => {
    latest.current = f(latest.current)
    setPicks(latest.current)
  }
  const [requestId, setRequestId] = useState(newRequestId)
  const [result, setResult] = useState<Result | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (version: number, kinds: QuestionKind[]) => {
    const picked = latest.current
    const missing = unanswered(kinds, picked)
    if (missing.length) {
      setMessage(`第 ${missing.join('、')} 题还没有作答`)
      return
    }
    setBusy(true)
    setMessage(null)
    const r = await api.training.submitQuiz({ courseId: id, quizVersion: version, answers: quizAnswers(kinds, picked), clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) {
      setMessage(r.error.message)
      if (r.error.code === 'TRAINING.QUIZ_CHANGED') {
        // The questions changed under the butler: start over on the new ones.
        updatePicks(() => [])
        setRequestId(newRequestId())
        void q.reload()
      }
      return
    }
    setResult(r.data)
    // The verdict replaces the questions: show it from its top, not where 提交 was tapped.
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const retry = () => {
    setResult(null)
    updatePicks(() => [])
    setMessage(null)
    setRequestId(newRequestId())
  }

  return (
    <PageShell id='quiz-page' query={q}>
      {(c) => {
        if (result) return <ResultView r={result} title={c.title} courseId={c.id} onRetry={retry} />
        const kinds = c.quiz.questions.map((x) => x.kind)
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>{c.title}</Text>
              <Text className='hero-sub'>
                共 {c.quiz.questions.length} 题，{c.passPercent} 分及格{c.progress.bestPercent !== null ? `，你的最高分 ${c.progress.bestPercent} 分` : ''}
              </Text>
            </View>
            {c.quiz.questions.map((x, i) => (
              <Section key={`${c.quiz.version}-${i}`} id={`question-${i + 1}`}>
                <View className='bt-title-row'>
                  <Text className='bt-title'>
                    {i + 1}. {x.text}
                  </Text>
                  <Chip text={QUESTION_KIND_LABELS[x.kind]} tone={x.kind === 'multiple' ? 'accent' : 'info'} />
                </View>
                <Options
                  q={x}
                  n={i + 1}
                  picked={picks[i] ?? []}
                  onPick={(option) =>
                    updatePicks((prev) => {
                      const next = [...prev]
                      next[i] = pick(x.kind, prev[i], option)
                      return next
                    })
                  }
                />
              </Section>
            ))}
            {message ? (
              <Notice tone='danger' id='quiz-message'>
                {message}
              </Notice>
            ) : null}
            <ActionBar>
              <Button id='quiz-submit' type='primary' block loading={busy} onClick={() => void submit(c.quiz.version, kinds)}>
                提交答卷
              </Button>
            </ActionBar>
          </>
        )
      }}
    </PageShell>
  )
}
