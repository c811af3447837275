import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { Segment } from '@contracts/member'
import { NEEDS, NEED_LABELS } from '@contracts/insights-labels'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Template, issueCoupons, newRequestId, previewSegment, templates } from '../../../../services/member'
import { Button } from '../../../../ui/nut'
import '../../member.scss'

type Options = { levels: { key: string; name: string }[]; buildings: { id: string; name: string }[] }

/** A need segment from the link (`?need=`, as the insights segment page opens it), else everyone. */
function initialSegment(need: string | undefined): Segment {
  const n = NEEDS.find((x) => x === need)
  return n ? { type: 'need', need: n } : { type: 'all' }
}

/**
 * Operator: issue a template to everyone, a building, a member level or a household need (五省);
 * stock is reserved for all at once.
 */
export default function IssuePage() {
  const { params } = useRouter()
  const [template, setTemplate] = useState<Template | null>(null)
  const [options, setOptions] = useState<Options | null>(null)
  const [segment, setSegment] = useState<Segment>(() => initialSegment(params.need))
  const [count, setCount] = useState<number | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ recipients: number; issued: number } | null>(null)
  const [requestId, setRequestId] = useState(newRequestId)

  const preview = async (s: Segment) => {
    setSegment(s)
    setCount(null)
    setRequestId(newRequestId())
    const r = await previewSegment(s)
    if (r.ok) {
      setCount(r.data.recipients)
      setOptions({ levels: r.data.levels, buildings: r.data.buildings })
    } else setError(r.error)
  }
  useDidShow(() => {
    void templates().then((r) => (r.ok ? setTemplate(r.data.templates.find((t) => t.id === params.templateId) ?? null) : setError(r.error)))
    void preview(segment)
  })

  const submit = async () => {
    if (!template) return
    setBusy(true)
    const r = await issueCoupons({ templateId: template.id, segment, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setDone({ recipients: r.data.recipients, issued: r.data.issued })
    void Taro.showToast({ title: '已发放', icon: 'success' })
  }

  if (!template || !options) return <StateView loading={!error} error={error} />
  const left = template.totalStock - template.issued
  const chip = (id: string, label: string, s: Segment, on: boolean) => (
    <Text key={id} id={id} className={`mb-choice ${on ? 'mb-choice--on' : ''}`} onClick={() => void preview(s)}>
      {label}
    </Text>
  )
  return (
    <View className='page' id='issue-page'>
      <View className='card'>
        <Text className='mb-ticket__title'>{template.title}</Text>
        <Text className='mb-ticket__line'>
          {template.label} · {template.scopeLabel} · {template.validityLabel}
        </Text>
        <Text className='mb-ticket__line'>剩余库存 {left} 张</Text>
      </View>
      <View className='card'>
        <Text className='section-title'>发给谁</Text>
        <View className='mb-choices'>{chip('seg-all', '全体住户', { type: 'all' }, segment.type === 'all')}</View>
        <Text className='mb-label'>按楼栋</Text>
        <View className='mb-choices'>
          {options.buildings.map((b) => chip(`seg-building-${b.id}`, b.name, { type: 'building', buildingId: b.id }, segment.type === 'building' && segment.buildingId === b.id))}
        </View>
        <Text className='mb-label'>按会员等级</Text>
        <View className='mb-choices'>
          {options.levels.map((l) => chip(`seg-level-${l.key}`, l.name, { type: 'level', level: l.key }, segment.type === 'level' && segment.level === l.key))}
        </View>
        <Text className='mb-label'>按住户需求（分群规则每晚计算）</Text>
        <View className='mb-choices'>
          {NEEDS.map((n) => chip(`seg-need-${n}`, NEED_LABELS[n], { type: 'need', need: n }, segment.type === 'need' && segment.need === n))}
        </View>
        <Text className='muted' id='issue-count'>
          {count === null ? '统计人数中…' : `共 ${count} 位住户，每人 1 张，需要库存 ${count} 张`}
        </Text>
      </View>
      {error ? <Text className='field-error'>{error.message}</Text> : null}
      {done ? (
        <View className='card' id='issue-done'>
          <Text className='section-title'>已发放</Text>
          <Text>
            {done.issued} / {done.recipients} 位住户已收到优惠券和站内通知
          </Text>
        </View>
      ) : (
        <Button id='issue-submit' className='btn-block' block type='primary' disabled={!count || count > left} loading={busy} onClick={() => void submit()}>
          {count !== null && count > left ? '库存不足' : '确认发放'}
        </Button>
      )}
    </View>
  )
}
