import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type ResidentPass, residentPass } from '../../../../services/access'
import { currentMe } from '../../../../services/session'
import { PassQr } from '../../components/PassQr'
import { keepScreenOn } from '../../components/screen'
import '../../access.scss'

export default function PassPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const [pass, setPass] = useState<{ data: ResidentPass; receivedAt: number } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setBusy(true)
    const r = await residentPass(householdId, communityId)
    setBusy(false)
    if (r.ok) {
      setPass({ data: r.data, receivedAt: Date.now() })
      setError(null)
    } else setError(r.error)
  }, [householdId, communityId])

  // A pass page left under another page asks for no new codes; it reloads when shown again.
  const shown = useRef(false)
  useDidShow(() => {
    shown.current = true
    keepScreenOn(true)
    void load()
  })
  useDidHide(() => {
    shown.current = false
    keepScreenOn(false)
  })
  const more = () => {
    if (shown.current) void load()
  }

  const go = (url: string) => () => void Taro.navigateTo({ url: `${url}?householdId=${householdId}&communityId=${communityId}` })

  if (!pass) {
    return (
      <View className='page'>
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    )
  }
  const d = pass.data
  return (
    <View className='page' id='pass-page'>
      <View className='hero'>
        <Text className='hero-title'>{d.communityName}</Text>
        <Text className='hero-sub'>{d.householdLabel} · 住户通行码</Text>
      </View>
      <View className='card pass-card'>
        <PassQr batch={d} receivedAt={pass.receivedAt} busy={busy} onLow={more} onRefresh={() => void load()} />
        {error ? <Text className='field-error'>{error.message}</Text> : null}
        <Text className='pass-note'>对准闸机扫码口即可开门 · 每个码限用一次</Text>
      </View>
      <View className='links'>
        <View className='links__item' id='go-visitor-invite' onClick={go('/packages/access/pages/invite/index')}>
          <View className='links__glyph'>
            <Text>邀</Text>
          </View>
          <Text>邀请访客</Text>
        </View>
        <View className='links__item' id='go-visitors' onClick={go('/packages/access/pages/visitors/index')}>
          <View className='links__glyph'>
            <Text>访</Text>
          </View>
          <Text>我的访客</Text>
        </View>
        <View className='links__item' id='go-access-log' onClick={go('/packages/access/pages/log/index')}>
          <View className='links__glyph'>
            <Text>记</Text>
          </View>
          <Text>通行记录</Text>
        </View>
      </View>
      <View className='card' id='pass-doors'>
        <Text className='section-title'>可通行的门</Text>
        {d.doors.length === 0 ? <StateView empty='社区还没有登记门禁设备' /> : null}
        {d.doors.map((door) => (
          <View key={`${door.gateId}-${door.doorId}`} className='door'>
            <Text>{door.name}</Text>
            <Text className={`badge ${door.vehicle ? 'badge--info' : ''}`}>{door.vehicle ? '车行' : '人行'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
