import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { SERVICE_PKG, type ServiceLine, serviceLines } from '../../../../services/booking'
import '../../service.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** Service lines (家政) and repair lines (报修), each with its price or 上门报价 and its standard. */
export default function ServiceListPage() {
  const { params } = useRouter()
  const [kind, setKind] = useState<'service' | 'repair'>(params.kind === 'repair' ? 'repair' : 'service')
  const [lines, setLines] = useState<ServiceLine[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async () => {
    const r = await serviceLines()
    if (r.ok) setLines(r.data.lines)
    else setError(r.error)
  }
  useDidShow(() => void load())
  if (!lines) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const shown = lines.filter((l) => l.kind === kind)
  return (
    <View className='page' id='service-list'>
      <View className='sv-tabs'>
        <Text id='tab-service' className={`sv-tab ${kind === 'service' ? 'sv-tab--on' : ''}`} onClick={() => setKind('service')}>家政服务</Text>
        <Text id='tab-repair' className={`sv-tab ${kind === 'repair' ? 'sv-tab--on' : ''}`} onClick={() => setKind('repair')}>报修</Text>
      </View>
      {shown.length === 0 ? <StateView empty='暂无可预约的服务' /> : null}
      {shown.map((l) => (
        <View key={l.id} id={`line-${l.id}`} className='card sv-line' onClick={() => go(`${SERVICE_PKG}/book/index?lineId=${l.id}`)}>
          <View className='sv-line__top'>
            <Text className='sv-line__name'>{l.name}</Text>
            {l.freeUnderPropertyFee ? (
              <Text className='badge'>物业费包含</Text>
            ) : l.priceFen === null ? (
              <Text className='sv-quote'>上门报价</Text>
            ) : (
              <Price fen={l.priceFen} />
            )}
          </View>
          <Text className='sv-meta'>{l.description}</Text>
          <Text className='sv-meta'>约 {l.durationMin} 分钟 · 服务标准 {l.checklist.length} 项</Text>
        </View>
      ))}
      <View className='card'>
        <View className='list-item' id='go-mine' onClick={() => go(`${SERVICE_PKG}/mine/index`)}>
          <Text>我的预约与报修</Text>
          <Text className='link'>查看 ›</Text>
        </View>
        <View className='list-item' id='go-complaints' onClick={() => go(`${SERVICE_PKG}/complaints/index`)}>
          <Text>投诉建议</Text>
          <Text className='link'>去反馈 ›</Text>
        </View>
      </View>
    </View>
  )
}
