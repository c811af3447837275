import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../components/StateView'
import { Tiles } from '../../../components/Tiles'
import { butlerTiles } from '../../../features'
import { gridOverview } from '../../../services/household'
import { Button } from '../../../ui/nut'

type Grid = OutputOf<'user.gridOverview'>

export function ButlerHome() {
  const [grid, setGrid] = useState<Grid | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () => void gridOverview().then((r) => (r.ok ? setGrid(r.data) : setError(r.error)))
  useDidShow(load)

  if (!grid) return <StateView loading={!error} error={error} onRetry={load} />
  const households = grid.buildings.reduce((n, b) => n + b.households, 0)
  const bound = grid.buildings.reduce((n, b) => n + b.bound, 0)
  return (
    <View id='home-butler'>
      <Tiles tiles={butlerTiles()} />
      {grid.pendingRequests > 0 ? (
        <View
          className='home__notice'
          id='butler-pending'
          onClick={() => void Taro.navigateTo({ url: '/packages/butler/pages/requests/index' })}
        >
          <Text>有 {grid.pendingRequests} 条入户申请待审核 ›</Text>
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>{grid.gridName}</Text>
        <View className='row'>
          <View className='stat'>
            <Text className='stat-value'>{grid.buildings.length}</Text>
            <Text className='stat-label'>楼栋</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{households}</Text>
            <Text className='stat-label'>户数</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{bound}</Text>
            <Text className='stat-label'>已绑定</Text>
          </View>
        </View>
      </View>
      <View className='card'>
        <Text className='section-title'>楼栋绑定情况</Text>
        {grid.buildings.map((b) => (
          <View key={b.id} className='list-item'>
            <Text>{b.name}</Text>
            <Text className='muted'>
              {b.bound}/{b.households} 户
            </Text>
          </View>
        ))}
      </View>
      <Button block type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: '/packages/butler/pages/requests/index' })}>
        入户申请审核
      </Button>
      <Button id='butler-invites' className='btn-block' block type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/event/pages/invites/index' })}>
        活动邀请与海报
      </Button>
      <Button id='butler-visitors' className='btn-block' block fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/access/pages/grid-visitors/index' })}>
        网格访客
      </Button>
      <Button id='butler-followups' className='btn-block' block fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/service-staff/pages/followups/index' })}>
        低分回访
      </Button>
      <Button id='butler-presale' className='btn-block' block type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/presale-admin/pages/deliveries/index' })}>
        预售配送与分享
      </Button>
    </View>
  )
}
