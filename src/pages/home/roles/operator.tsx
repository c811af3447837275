import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { StateView } from '../../../components/StateView'
import { Tiles } from '../../../components/Tiles'
import { operatorTiles } from '../../../features'
import { communityOverview } from '../../../services/household'

type Overview = OutputOf<'user.communityOverview'>

function pct(n: number, d: number): string {
  return d === 0 ? '0%' : `${Math.round((n / d) * 100)}%`
}

export function OperatorHome() {
  const [data, setData] = useState<Overview | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () => void communityOverview().then((r) => (r.ok ? setData(r.data) : setError(r.error)))
  useDidShow(load)

  if (!data) return <StateView loading={!error} error={error} onRetry={load} />
  return (
    <View id='home-operator'>
      <Tiles tiles={operatorTiles()} />
      <View className='card'>
        <Text className='section-title'>社区概况</Text>
        <View className='row'>
          <View className='stat'>
            <Text className='stat-value'>{data.households}</Text>
            <Text className='stat-label'>总户数</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{pct(data.boundHouseholds, data.households)}</Text>
            <Text className='stat-label'>绑定率</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.residents}</Text>
            <Text className='stat-label'>住户</Text>
          </View>
        </View>
      </View>
      <View className='card'>
        <Text className='section-title'>各楼栋绑定率</Text>
        {data.buildings.map((b) => (
          <View key={b.id} className='list-item' style={{ display: 'block' }}>
            <View className='row'>
              <Text>{b.name}</Text>
              <Text className='muted'>
                {b.bound}/{b.households} · {pct(b.bound, b.households)}
              </Text>
            </View>
            <View className='bar'>
              <View className='bar__fill' style={{ width: pct(b.bound, b.households) }} />
            </View>
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='section-title'>网格与管家</Text>
        {data.grids.map((g) => (
          <View key={g.id} className='list-item'>
            <Text>{g.name}</Text>
            <Text className='muted'>
              {g.butlerName} · {g.buildings} 栋
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
