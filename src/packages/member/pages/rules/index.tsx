import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { RulesSchema, benefitLabels } from '@contracts/member'
import { api } from '../../../../client'
import { TextBox } from '../../../../components/TextBox'
import { toastError } from '../../../../services/result'
import { type FieldErrors, fieldsByPath, issuesByPath } from '../../../../utils/form-errors'
import { formatFen, parseYuan, yuanInput } from '../../../../utils/money'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, Field, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import type { Rules } from '../../types'
import '../../member.scss'

type WholeKey = Exclude<keyof Rules, 'levels' | 'cardUseValueFen'>
const WHOLE_FIELDS: { key: WholeKey; label: string; hint?: string }[] = [
  { key: 'billPointsPerYuan', label: '物业缴费每 1 元得积分' },
  { key: 'orderPointsPerYuan', label: '购物、服务每 1 元得积分' },
  { key: 'ratingPoints', label: '评价一次服务得积分' },
  { key: 'pointsPerYuan', label: '多少积分抵 1 元' },
  { key: 'maxRedeemPercent', label: '积分最多抵订单的百分比', hint: '0 到 90' },
  { key: 'expiryMonths', label: '积分有效期（月）', hint: '获得后第几个月的月底到期' }
]
type Texts = Record<WholeKey | 'cardUseValue', string>

function textsOf(r: Rules): Texts {
  return { ...(Object.fromEntries(WHOLE_FIELDS.map((f) => [f.key, String(r[f.key])])) as Record<WholeKey, string>), cardUseValue: yuanInput(r.cardUseValueFen) }
}

/** Operator: the community's points rule (earning, spending cap, expiry) and its levels. */
export default function RulesPage() {
  const q = useQuery(() => api.member.rules(), [], { reloadOnShow: false })
  const [text, setText] = useState<Texts | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (q.data && !text) setText(textsOf(q.data))
  }, [q.data])

  const save = async (rules: Rules) => {
    if (!text) return
    const local: FieldErrors = {}
    const whole = (k: WholeKey) => {
      if (/^\d{1,6}$/.test(text[k].trim())) return Number(text[k].trim())
      local[k] = '请填写整数'
      return 0
    }
    const card = parseYuan(text.cardUseValue)
    if (card === null) local.cardUseValueFen = '请填写金额，如 30'
    const next = { ...rules, ...Object.fromEntries(WHOLE_FIELDS.map((f) => [f.key, whole(f.key)])), cardUseValueFen: card ?? 0 }
    const parsed = RulesSchema.safeParse(next)
    const found = parsed.success ? local : issuesByPath(parsed.error, local)
    setErrors(found)
    if (!parsed.success || Object.keys(found).length > 0) return
    setBusy(true)
    const r = await api.member.saveRules({ rules: parsed.data })
    setBusy(false)
    if (!r.ok) {
      setErrors(fieldsByPath(r.error, 'rules.'))
      return toastError(r.error)
    }
    q.setData(r.data)
    setText(textsOf(r.data))
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <PageShell id='rules-page' query={q}>
      {(rules) =>
        text ? (
          <>
            <Section title='积分规则'>
              {WHOLE_FIELDS.map((f) => (
                <Field key={f.key} label={f.label} hint={f.hint} error={errors[f.key]}>
                  <TextBox id={`rule-${f.key}`} type='number' value={text[f.key]} onChange={(v) => setText({ ...text, [f.key]: v })} />
                </Field>
              ))}
              <Field label='服务卡每次计入预算（元）' hint='用服务卡作奖励时，每次按这个金额从预算扣减' error={errors.cardUseValueFen}>
                <TextBox id='rule-cardUseValueFen' type='digit' value={text.cardUseValue} onChange={(v) => setText({ ...text, cardUseValue: v })} />
              </Field>
              {Object.keys(errors).length ? <Notice tone='danger'>{Object.entries(errors).find(([k]) => k.startsWith('levels'))?.[1] ?? '请按标红的提示修改后再保存'}</Notice> : null}
            </Section>
            <Section title='会员等级（近 12 个月）'>
              {rules.levels.map((l) => (
                <Cell
                  key={l.key}
                  title={l.name}
                  desc={
                    <View>
                      <Text className='mb-meta'>{l.minSpendFen === 0 && l.minPoints === 0 ? '所有住户' : `消费满 ${formatFen(l.minSpendFen, { trimZeros: true })} 或获得 ${l.minPoints} 积分`}</Text>
                      {benefitLabels(l.benefits).length ? <Text className='mb-meta'>{benefitLabels(l.benefits).join('、')}</Text> : null}
                    </View>
                  }
                />
              ))}
            </Section>
            <ActionBar>
              <Button id='rules-save' type='primary' loading={busy} onClick={() => void save(rules)}>
                保存（只影响之后获得的积分）
              </Button>
            </ActionBar>
          </>
        ) : null
      }
    </PageShell>
  )
}
