import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { type Replicated, newRequestId, replicate, switchToCommunity } from '../../../../services/insights-admin'
import { fieldError, toastError } from '../../../../services/result'
import { goHome } from '../../../../services/session'
import { useSession } from '../../../../services/use-session'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../insights-admin.scss'

const COPIED_LABELS: Record<keyof Replicated['copied'], string> = {
  serviceLines: '服务项目（含服务标准）',
  products: '严选商品',
  feeItems: '收费项目',
  feeSettings: '缴费设置',
  eventTemplates: '活动模板',
  couponTemplates: '优惠券模板（库存清零）',
  rules: '积分与分群规则'
}

/** Operator: copy this pilot community's catalog, fee items, event templates and rules into a new community. */
export default function ReplicatePage() {
  const { me } = useSession()
  const [name, setName] = useState('')
  const [city, setCity] = useState('')
  const [address, setAddress] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<(Replicated & { name: string }) | null>(null)
  const [switching, setSwitching] = useState(false)

  const submit = async () => {
    setBusy(true)
    const r = await replicate({ name, city, address, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setDone({ ...r.data, name: name.trim() })
    setRequestId(newRequestId())
  }

  const switchNow = async () => {
    if (!done) return
    setSwitching(true)
    const r = await switchToCommunity(done.communityId)
    setSwitching(false)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: `已切换到${done.name}`, icon: 'none' })
    goHome()
  }

  const err = (path: string) => fieldError(error, path)
  /** Typing answers the error shown: it goes until the next submit. */
  const edit = (apply: () => void) => {
    apply()
    if (error) setError(null)
  }
  if (done) {
    return (
      <View className='page' id='ia-replicate'>
        <View className='card' id='replicate-done'>
          <Text className='section-title' style={{ marginTop: 0 }}>
            已创建「{done.name}」
          </Text>
          <Text className='muted'>从 {me?.current?.communityName ?? '当前社区'} 复制了：</Text>
          {(Object.keys(COPIED_LABELS) as (keyof Replicated['copied'])[]).map((k) => (
            <View key={k} className='ia-copied' id={`copied-${k}`}>
              <Text>{COPIED_LABELS[k]}</Text>
              <Text id={`copied-${k}-n`}>{done.copied[k]}</Text>
            </View>
          ))}
          <Text className='muted'>楼栋、住户、订单和师傅不会复制：新社区需要录入自己的楼栋与住户。你已是新社区的运营。</Text>
        </View>
        <View className='ia-actions'>
          <Button id='replicate-switch' block type='primary' loading={switching} onClick={() => void switchNow()}>
            切换到新社区
          </Button>
          <Button block fill='outline' onClick={() => void Taro.navigateBack()}>
            留在当前社区
          </Button>
        </View>
      </View>
    )
  }
  return (
    <View className='page' id='ia-replicate'>
      <View className='card'>
        <Text className='section-title' style={{ marginTop: 0 }}>
          以{me?.current?.communityName ?? '本社区'}为样板复制新社区
        </Text>
        <Text className='muted'>复制服务项目与服务标准、严选商品、收费项目与缴费设置、活动模板、优惠券模板、积分与分群规则。</Text>
        <View className='ia-field'>
          <Text className='ia-label'>新社区名称</Text>
          <View className='ia-input'>
            <Input id='replicate-name' value={name} maxLength={30} placeholder='例如 和美花园' onChange={(v: string) => edit(() => setName(v))} />
          </View>
          {err('name') ? <Text className='field-error'>{err('name')}</Text> : null}
        </View>
        <View className='ia-field'>
          <Text className='ia-label'>城市</Text>
          <View className='ia-input'>
            <Input id='replicate-city' value={city} maxLength={20} placeholder='例如 杭州' onChange={(v: string) => edit(() => setCity(v))} />
          </View>
          {err('city') ? <Text className='field-error'>{err('city')}</Text> : null}
        </View>
        <View className='ia-field'>
          <Text className='ia-label'>地址</Text>
          <View className='ia-input'>
            <Input id='replicate-address' value={address} maxLength={60} placeholder='区、街道与门牌' onChange={(v: string) => edit(() => setAddress(v))} />
          </View>
          {err('address') ? <Text className='field-error'>{err('address')}</Text> : null}
        </View>
        {error && !error.fields?.length ? <Text className='field-error'>{error.message}</Text> : null}
      </View>
      <Button id='replicate-submit' className='btn-block' block type='primary' loading={busy} onClick={() => void submit()}>
        复制并创建新社区
      </Button>
    </View>
  )
}
