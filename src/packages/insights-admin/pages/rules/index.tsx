import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { NEEDS, NEED_LABELS, RULE_OPS, RULE_OP_LABELS, SEGMENT_METRICS, SEGMENT_METRIC_LABELS } from '@contracts/insights-labels'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { fieldError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { TextBox } from '../../../../components/TextBox'
import { ActionBar, ButtonRow, Field, Icon, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../insights-admin.scss'

type Rules = OutputOf<'insights.rules'>
type SegmentRule = Rules['segments'][number]
type ChurnSettings = Rules['churn']

type Cond = SegmentRule['all'][number]
/** The form keeps numbers as typed text until saving. */
type CondForm = Omit<Cond, 'value'> & { value: string }
type RuleForm = Omit<SegmentRule, 'all'> & { all: CondForm[] }
type ChurnForm = Record<keyof ChurnSettings, string>

/** The same bounds as the contract's ChurnSettings, so a wrong value is explained before sending. */
const CHURN_FIELDS: { key: keyof ChurnSettings; label: string; hint: string; min: number; max: number }[] = [
  { key: 'threshold', label: '预警分数线', hint: '住户得分达到此分（10-100）即生成跟进任务', min: 10, max: 100 },
  { key: 'quietWeeks', label: '多少周未下单算「长期未下单」', hint: '2-26 周', min: 2, max: 26 },
  { key: 'inviteTarget', label: '管家每日邀请目标（户）', hint: '本周体验会的邀请任务目标（1-100）', min: 1, max: 100 }
]

function toForm(r: Rules): { segments: RuleForm[]; churn: ChurnForm } {
  return {
    segments: r.segments.map((s) => ({ ...s, all: s.all.map((c) => ({ ...c, value: String(c.value) })) })),
    churn: { threshold: String(r.churn.threshold), quietWeeks: String(r.churn.quietWeeks), inviteTarget: String(r.churn.inviteTarget) }
  }
}

/** Text → number, or null when it is not one (the field then shows an error without asking the server). */
function num(text: string): number | null {
  const t = text.trim()
  if (!/^\d+(\.\d+)?$/.test(t)) return null
  return Number(t)
}

/** Operator: the segment rules (need, description, conditions) and the churn warning settings. */
export default function RulesPage() {
  // Loaded once: coming back to the page must not overwrite rules being edited.
  const q = useQuery(() => api.insights.rules(), [], { reloadOnShow: false })
  const [segments, setSegments] = useState<RuleForm[]>([])
  const [churn, setChurn] = useState<ChurnForm | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [local, setLocal] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  // The form follows the rules as loaded, and as saved.
  useEffect(() => {
    if (!q.data) return
    const f = toForm(q.data)
    setSegments(f.segments)
    setChurn(f.churn)
  }, [q.data])

  /** Editing answers the errors shown: they come back, where still true, on the next save. */
  const touched = () => {
    if (error) setError(null)
    if (Object.keys(local).length) setLocal({})
  }
  const editRule = (i: number, patch: Partial<RuleForm>) => {
    touched()
    setSegments(segments.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  }
  const editCond = (i: number, k: number, patch: Partial<CondForm>) =>
    editRule(i, { all: (segments[i]?.all ?? []).map((c, j) => (j === k ? { ...c, ...patch } : c)) })

  const err = (path: string): string | undefined => local[path] ?? fieldError(error, path)

  const save = async () => {
    if (!churn) return
    const problems: Record<string, string> = {}
    const parsed = segments.map((s, i) => ({
      need: s.need,
      label: s.label,
      all: s.all.map((c, k) => {
        const v = num(c.value)
        if (v === null) problems[`segments.${i}.all.${k}.value`] = '请填写数字'
        return { metric: c.metric, op: c.op, value: v ?? 0 }
      })
    }))
    const settings = Object.fromEntries(
      CHURN_FIELDS.map((f) => {
        const v = num(churn[f.key])
        if (v === null || !Number.isInteger(v) || v < f.min || v > f.max) problems[`churn.${f.key}`] = `请填写 ${f.min}-${f.max} 之间的整数`
        return [f.key, v ?? 0]
      })
    ) as ChurnSettings
    setLocal(problems)
    if (Object.keys(problems).length) return
    setBusy(true)
    const r = await api.insights.saveRules({ segments: parsed, churn: settings })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    q.setData(r.data)
    void Taro.showToast({ title: '已保存，今晚重新计算', icon: 'none' })
  }

  const unplaced = error && !(error.fields ?? []).some((f) => f.path.startsWith('segments') || f.path.startsWith('churn'))
  return (
    <PageShell id='ia-rules' query={q}>
      {(view) =>
        !churn ? null : (
          <>
            <Section title='住户分群规则'>
              <Text className='ia-note' id='rules-updated'>
                {view.isDefault ? '当前为系统默认规则。' : `更新于 ${formatDateTime(view.updatedAt ?? 0)}。`}
                每条规则的条件全部满足时，住户归入该需求；同一需求只看第一条命中的规则。指标均为住户近 180 天的记录。
              </Text>
            </Section>

            {segments.map((s, i) => (
              <Section
                key={i}
                id={`rule-${i}`}
                className='ia-rule'
                title={
                  <Picker mode='selector' range={NEEDS.map((n) => NEED_LABELS[n])} value={NEEDS.indexOf(s.need)} onChange={(e) => editRule(i, { need: NEEDS[Number(e.detail.value)] ?? s.need })}>
                    <View className='ia-chip ia-chip--on' id={`rule-${i}-need`}>
                      <Text>{NEED_LABELS[s.need]}</Text>
                      <Icon name='arrow-down' size='xs' />
                    </View>
                  </Picker>
                }
                extra={
                  <Text
                    className='ia-remove'
                    id={`rule-${i}-remove`}
                    onClick={() => {
                      touched()
                      setSegments(segments.filter((_, j) => j !== i))
                    }}
                  >
                    删除规则
                  </Text>
                }
              >
                <Field label='规则说明（住户详情里会显示）' error={err(`segments.${i}.label`)}>
                  <TextBox id={`rule-${i}-label`} value={s.label} maxLength={40} onChange={(v) => editRule(i, { label: v })} />
                </Field>
                <Field label='条件（全部满足）' error={err(`segments.${i}.all`)}>
                  {s.all.map((c, k) => (
                    <View key={k} className='ia-cond-block'>
                      <View className='ia-cond' id={`rule-${i}-cond-${k}`}>
                        <View className='ia-cond__metric'>
                          <Picker
                            mode='selector'
                            range={SEGMENT_METRICS.map((m) => SEGMENT_METRIC_LABELS[m])}
                            value={SEGMENT_METRICS.indexOf(c.metric)}
                            onChange={(e) => editCond(i, k, { metric: SEGMENT_METRICS[Number(e.detail.value)] ?? c.metric })}
                          >
                            <View className='ia-select' id={`rule-${i}-cond-${k}-metric`}>
                              <Text className='ia-select__text'>{SEGMENT_METRIC_LABELS[c.metric]}</Text>
                              <Icon name='arrow-down' size='xs' color='muted' />
                            </View>
                          </Picker>
                        </View>
                        <View className='ia-cond__rest'>
                          <Text
                            className='ia-select ia-cond__op'
                            id={`rule-${i}-cond-${k}-op`}
                            onClick={() => editCond(i, k, { op: RULE_OPS[(RULE_OPS.indexOf(c.op) + 1) % RULE_OPS.length] ?? c.op })}
                          >
                            {RULE_OP_LABELS[c.op]}
                          </Text>
                          <View className='ia-cond__value'>
                            <TextBox id={`rule-${i}-cond-${k}-value`} type='digit' value={c.value} onChange={(v) => editCond(i, k, { value: v })} />
                          </View>
                          {s.all.length > 1 ? (
                            <View className='ia-remove ia-remove--icon' id={`rule-${i}-cond-${k}-remove`} onClick={() => editRule(i, { all: s.all.filter((_, j) => j !== k) })}>
                              <Icon name='close' size='s' color='danger' />
                            </View>
                          ) : null}
                        </View>
                      </View>
                      {err(`segments.${i}.all.${k}.value`) ? <Text className='field-error'>{err(`segments.${i}.all.${k}.value`)}</Text> : null}
                    </View>
                  ))}
                </Field>
                {s.all.length < 5 ? (
                  <View className='ia-add' id={`rule-${i}-add-cond`} onClick={() => editRule(i, { all: [...s.all, { metric: 'orders180', op: 'gte', value: '1' }] })}>
                    <Icon name='add' size='s' color='primary' />
                    <Text>添加条件</Text>
                  </View>
                ) : null}
              </Section>
            ))}
            <ButtonRow stacked>
              <Button
                fill='outline'
                type='primary'
                id='rule-add'
                onClick={() => {
                  touched()
                  setSegments([...segments, { need: 'save_money', label: '', all: [{ metric: 'orders180', op: 'gte', value: '1' }] }])
                }}
              >
                添加规则
              </Button>
            </ButtonRow>
            {err('segments') ? <Text className='field-error'>{err('segments')}</Text> : null}

            <Section id='churn-settings' title='流失预警设置'>
              {CHURN_FIELDS.map((f) => (
                <Field key={f.key} label={f.label} error={err(`churn.${f.key}`)} hint={f.hint}>
                  <TextBox
                    id={`churn-${f.key}`}
                    type='number'
                    value={churn[f.key]}
                    onChange={(v) => {
                      touched()
                      setChurn({ ...churn, [f.key]: v })
                    }}
                  />
                </Field>
              ))}
            </Section>

            {unplaced ? <Notice tone='danger'>{error.message}</Notice> : null}
            {Object.keys(local).length ? <Notice tone='danger'>有填写不正确的地方，请检查标红的项</Notice> : null}
            <ActionBar>
              <Button id='rules-save' type='primary' loading={busy} onClick={() => void save()}>
                保存（今晚重新计算）
              </Button>
            </ActionBar>
          </>
        )
      }
    </PageShell>
  )
}
