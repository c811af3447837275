import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Gate, type GateList, listGates, rotateKey, setGateEnabled } from '../../../../services/access'
import { toastError } from '../../../../services/result'
import { Button } from '../../../../ui/nut'
import { formatDateTime } from '../../../../utils/time'
import '../../access.scss'

const GRACE = [
  { minutes: 10, label: '10 分钟', note: '定期轮换：已显示的通行码和离线设备有时间切换' },
  { minutes: 60, label: '1 小时', note: '离线设备较多时' },
  { minutes: 0, label: '立即', note: '密钥可能泄露时：旧密钥签发的码立即失效' }
] as const

function doorLine(g: Gate): string {
  return g.doors.map((d) => `${d.name}（${d.zone === 'building' ? d.buildingName : '全小区'}${d.vehicle ? ' · 车行' : ''}）`).join('、')
}

export default function GatesPage() {
  const [data, setData] = useState<GateList | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState('')
  const [grace, setGrace] = useState<number>(10)

  const load = async () => {
    const r = await listGates()
    if (r.ok) setData(r.data)
    else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  const toggle = async (g: Gate) => {
    if (g.enabled) {
      const ok = await Taro.showModal({
        title: `停用「${g.name}」`,
        content: '停用后该设备的下一次请求起即被拒绝。若设备丢失且支持离线验证，请同时轮换社区密钥。'
      })
      if (!ok.confirm) return
    }
    setBusy(g.id)
    const r = await setGateEnabled(g.id, !g.enabled)
    setBusy('')
    if (!r.ok) toastError(r.error)
    await load()
  }

  const rotate = async () => {
    const choice = GRACE.find((x) => x.minutes === grace)
    const ok = await Taro.showModal({ title: '轮换社区通行密钥', content: `新码立即使用新密钥；旧密钥${grace === 0 ? '立即失效' : `在 ${choice?.label} 后失效`}。` })
    if (!ok.confirm) return
    setBusy('rotate')
    const r = await rotateKey(grace)
    setBusy('')
    if (!r.ok) toastError(r.error)
    else void Taro.showToast({ title: `已启用密钥 #${r.data.kid}`, icon: 'success' })
    await load()
  }

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} onRetry={() => void load()} />}</View>
  return (
    <View className='page' id='gates-page'>
      <View className='card' id='gates-key'>
        <View className='item-head'>
          <Text className='item-title'>社区通行密钥</Text>
          <Text className='badge'>{data.key ? `#${data.key.kid}` : '未生成'}</Text>
        </View>
        <Text className='item-line'>
          {data.key ? `${formatDateTime(data.key.createdAt)} 启用，所有通行码都由它签名` : '第一位住户打开通行码时自动生成'}
        </Text>
        <Text className='form-row__label' style={{ marginTop: '24px' }}>
          轮换时旧密钥保留
        </Text>
        <View className='choice-list'>
          {GRACE.map((x) => (
            <Text key={x.minutes} id={`grace-${x.minutes}`} className={`choice ${grace === x.minutes ? 'choice--on' : ''}`} onClick={() => setGrace(x.minutes)}>
              {x.label}
            </Text>
          ))}
        </View>
        <Text className='muted'>{GRACE.find((x) => x.minutes === grace)?.note}</Text>
        <View className='spaced'>
          <Button id='gates-rotate' fill='outline' type='primary' block loading={busy === 'rotate'} onClick={() => void rotate()}>
            轮换密钥
          </Button>
        </View>
      </View>

      <View className='row'>
        <Text className='section-title'>{data.communityName}的设备</Text>
        <Text className='muted'>{data.gates.length} 台</Text>
      </View>
      {data.gates.length === 0 ? (
        <View className='card'>
          <StateView empty='还没有登记门禁设备' />
        </View>
      ) : null}
      {data.gates.map((g) => (
        <View key={g.id} className='card' id={`gate-${g.id}`}>
          <View className='item-head'>
            <Text className='item-title'>{g.name}</Text>
            <Text className={`badge ${g.enabled ? '' : 'badge--danger'}`}>{g.enabled ? '使用中' : '已停用'}</Text>
          </View>
          <Text className='item-line'>编号 {g.id}</Text>
          <Text className='item-line'>{doorLine(g)}</Text>
          <Text className='item-line'>
            {g.lastSeenAt ? `最近通信 ${formatDateTime(g.lastSeenAt)}` : '尚未通信'}
            {g.keysSyncedAt ? ` · 离线密钥同步 ${formatDateTime(g.keysSyncedAt)}` : ''}
          </Text>
          <View className='item-actions'>
            <Button size='small' fill='outline' id={`gate-toggle-${g.id}`} loading={busy === g.id} onClick={() => void toggle(g)}>
              {g.enabled ? '停用' : '启用'}
            </Button>
            <Button
              size='small'
              type='primary'
              id={`gate-log-${g.id}`}
              onClick={() => void Taro.navigateTo({ url: `/packages/access/pages/gate-log/index?gateId=${g.id}` })}
            >
              通行记录
            </Button>
          </View>
        </View>
      ))}
      <Button block type='primary' id='gates-new' onClick={() => void Taro.navigateTo({ url: '/packages/access/pages/gate-new/index' })}>
        登记新设备
      </Button>
    </View>
  )
}
