import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { benefitLabels } from '@contracts/member'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Rules, memberRules, saveRules } from '../../../../services/member'
import { fieldError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../member.scss'

type NumberKey = Exclude<keyof Rules, 'levels'>
const FIELDS: { key: NumberKey; label: string }[] = [
  { key: 'billPointsPerYuan', label: '物业缴费每 1 元得积分' },
  { key: 'orderPointsPerYuan', label: '购物、服务每 1 元得积分' },
  { key: 'ratingPoints', label: '评价一次服务得积分' },
  { key: 'pointsPerYuan', label: '多少积分抵 1 元' },
  { key: 'maxRedeemPercent', label: '积分最多抵订单的百分比' },
  { key: 'expiryMonths', label: '积分有效期（获得后第几个月月底到期）' },
  { key: 'cardUseValueFen', label: '服务卡每次计入预算（分）' }
]

/** Operator: the community's points rule (earning, spending cap, expiry) and its levels. */
export default function RulesPage() {
  const [rules, setRules] = useState<Rules | null>(null)
  const [text, setText] = useState<Record<NumberKey, string> | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const show = (r: Rules) => {
    setRules(r)
    setText(Object.fromEntries(FIELDS.map((f) => [f.key, String(r[f.key])])) as Record<NumberKey, string>)
  }
  useDidShow(() => void memberRules().then((r) => (r.ok ? show(r.data) : setError(r.error))))

  const save = async () => {
    if (!rules || !text) return
    setBusy(true)
    const next = { ...rules, ...Object.fromEntries(FIELDS.map((f) => [f.key, Number(text[f.key])])) } as Rules
    const r = await saveRules(next)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    show(r.data)
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  if (!rules || !text) return <StateView loading={!error} error={error} />
  return (
    <View className='page' id='rules-page'>
      <View className='card'>
        <Text className='section-title'>积分规则</Text>
        {FIELDS.map((f) => (
          <View key={f.key} className='mb-field'>
            <Text className='mb-label'>{f.label}</Text>
            <View className='mb-input'>
              <Input id={`rule-${f.key}`} type='number' value={text[f.key]} onChange={(v: string) => setText({ ...text, [f.key]: v })} />
            </View>
            {fieldError(error, `rules.${f.key}`) ? <Text className='field-error'>{fieldError(error, `rules.${f.key}`)}</Text> : null}
          </View>
        ))}
        {error && !error.fields?.length ? <Text className='field-error'>{error.message}</Text> : null}
        <Button id='rules-save' className='btn-block' block type='primary' loading={busy} onClick={() => void save()}>
          保存（只影响之后获得的积分）
        </Button>
      </View>
      <View className='card'>
        <Text className='section-title'>会员等级（近 12 个月）</Text>
        {rules.levels.map((l) => (
          <View key={l.key} className='mb-level'>
            <View>
              <Text className='mb-level__name'>{l.name}</Text>
              <Text className='mb-level__need'>
                {l.minSpendFen === 0 && l.minPoints === 0 ? '所有住户' : `消费满 ${formatFen(l.minSpendFen, { trimZeros: true })} 或获得 ${l.minPoints} 积分`}
              </Text>
            </View>
            <View className='mb-chips' style={{ justifyContent: 'flex-end', maxWidth: '45%' }}>
              {benefitLabels(l.benefits).map((p) => (
                <Text key={p} className='mb-chip'>
                  {p}
                </Text>
              ))}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
