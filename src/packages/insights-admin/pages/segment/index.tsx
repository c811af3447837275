import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { NEEDS, NEED_LABELS } from '@contracts/insights-labels'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Need, type SegmentView, segment } from '../../../../services/insights-admin'
import { MEMBER_PKG, type Template, templates } from '../../../../services/member'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import '../../insights-admin.scss'

function isNeed(v: string | undefined): v is Need {
  return (NEEDS as readonly string[]).includes(v ?? '')
}

/** Operator: how many households have each need (五省), who they are and why; coupons to one need. */
export default function SegmentPage() {
  const { params } = useRouter()
  const [need, setNeed] = useState<Need>(isNeed(params.need) ? params.need : 'save_money')
  const [data, setData] = useState<SegmentView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [coupons, setCoupons] = useState<Template[] | null>(null)

  const load = async (n: Need) => {
    setNeed(n)
    setCoupons(null)
    const r = await segment(n)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load(need))

  const chooseCoupon = async () => {
    const r = await templates()
    if (!r.ok) return toastError(r.error)
    setCoupons(r.data.templates.filter((t) => t.active && t.totalStock > t.issued))
  }
  const issue = (t: Template) => void Taro.navigateTo({ url: `${MEMBER_PKG}/issue/index?templateId=${t.id}&need=${need}` })

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load(need)} />}</View>
  return (
    <View className='page' id='ia-segment'>
      <View className='ia-needs' style={{ marginBottom: '12px' }}>
        {data.sizes.map((s) => (
          <View key={s.need} id={`need-${s.need}`} className={`ia-need ${s.need === need ? 'ia-need--on' : ''}`} onClick={() => void load(s.need)}>
            <Text className='ia-need__label'>{s.label}</Text>
            <Text className='ia-need__count'>{s.count}</Text>
            <Text className='muted'>户</Text>
          </View>
        ))}
      </View>
      <Text className='muted' style={{ display: 'block', marginBottom: '12px' }}>
        分群按「分群规则」每晚计算；一户可同时属于多个需求。
      </Text>

      <View className='card' id='segment-households'>
        <View className='ia-card-title'>
          <Text className='ia-card-title__text'>{NEED_LABELS[data.need]}</Text>
          <Text className='muted' id='segment-count'>
            共 {data.count} 户
          </Text>
        </View>
        {data.households.length === 0 ? <StateView empty='这一需求下还没有住户' /> : null}
        {data.households.map((h) => (
          <View key={h.householdId} className='ia-household' id={`seg-h-${h.householdId}`}>
            <Text className='ia-household__label'>{h.label}</Text>
            <Text className='muted'>{h.because}</Text>
          </View>
        ))}
        {data.count > data.households.length ? <Text className='muted'>仅列出前 {data.households.length} 户</Text> : null}
      </View>

      {coupons === null ? (
        <Button id='segment-issue' className='btn-block' block type='primary' disabled={data.count === 0} onClick={() => void chooseCoupon()}>
          向该人群发券
        </Button>
      ) : (
        <View className='card' id='segment-coupons'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            选择要发的券
          </Text>
          {coupons.length === 0 ? <Text className='muted'>没有可发放的券：请先在「会员券」中新建或补充库存</Text> : null}
          {coupons.map((t) => (
            <View key={t.id} className='ia-table-row' id={`segment-coupon-${t.id}`} onClick={() => issue(t)}>
              <View className='ia-table-row__main'>
                <Text style={{ display: 'block' }}>{t.title}</Text>
                <Text className='muted'>
                  {t.label} · 剩余 {t.totalStock - t.issued} 张
                </Text>
              </View>
              <Text className='link'>发放 ›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
