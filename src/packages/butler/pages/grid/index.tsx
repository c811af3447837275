import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import { StateView } from '../../../../components/StateView'
import { BUTLER_PKG, type Grid, type GridHousehold, myGrid } from '../../../../services/insights'
import { formatDate } from '../../../../utils/time'
import { barWidth } from '../../format'
import '../../butler.scss'

type Filter = 'all' | 'risk' | Need

/** A long grid shows this many rows; the filters narrow it down. */
const SHOWN = 100

function matches(h: GridHousehold, f: Filter): boolean {
  if (f === 'all') return true
  if (f === 'risk') return h.atRisk
  return h.needs.includes(f)
}

/** 我的网格: buildings with who is bound, then every household with its warning and needs. */
export default function GridPage() {
  const [data, setData] = useState<Grid | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [filter, setFilter] = useState<Filter>('all')
  const load = async () => {
    const r = await myGrid()
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))

  if (!data) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>
  const filters: { key: Filter; label: string; count: number }[] = [
    { key: 'all', label: '全部', count: data.households.length },
    { key: 'risk', label: '流失预警', count: data.totals.atRisk },
    ...NEEDS.map((n) => ({ key: n, label: NEED_LABELS[n], count: data.households.filter((h) => h.needs.includes(n)).length }))
  ]
  const list = data.households.filter((h) => matches(h, filter))
  return (
    <View className='page' id='grid-page'>
      <View className='card'>
        <View className='row'>
          <View className='stat'>
            <Text className='stat-value'>{data.totals.households}</Text>
            <Text className='stat-label'>户数</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value'>{data.totals.bound}</Text>
            <Text className='stat-label'>已绑定</Text>
          </View>
          <View className='stat'>
            <Text className='stat-value' id='grid-at-risk' style={data.totals.atRisk ? { color: '#e5484d' } : {}}>
              {data.totals.atRisk}
            </Text>
            <Text className='stat-label'>流失预警</Text>
          </View>
        </View>
      </View>

      {data.grids.length === 0 ? <StateView empty='你还没有负责的网格，请联系运营分配' /> : null}
      {data.grids.map((g) => (
        <View key={g.gridId} className='card' id={`grid-${g.gridId}`}>
          <Text className='section-title' style={{ marginTop: 0 }}>
            {g.name}
          </Text>
          {g.buildings.map((b) => (
            <View key={b.buildingId} className='list-item' style={{ display: 'block' }} id={`building-${b.buildingId}`}>
              <View className='row'>
                <Text>{b.name}</Text>
                <Text className='muted'>
                  已绑定 {b.bound}/{b.households} 户
                </Text>
              </View>
              <View className='bt-bar' style={{ marginTop: Taro.pxTransform(8) }}>
                <View className='bt-bar__fill' style={{ width: barWidth(b.bound, b.households) }} />
              </View>
            </View>
          ))}
        </View>
      ))}

      <Text className='section-title'>住户</Text>
      <View className='bt-chips' id='grid-filters'>
        {filters.map((f) => (
          <Text key={f.key} id={`filter-${f.key}`} className={`bt-chip ${filter === f.key ? 'bt-chip--on' : ''}`} onClick={() => setFilter(f.key)}>
            {f.label} {f.count}
          </Text>
        ))}
      </View>
      {list.length === 0 ? (
        <View className='card'>
          <StateView empty={filter === 'risk' ? '没有流失预警的住户' : filter === 'all' ? '网格内还没有住户' : `暂无「${NEED_LABELS[filter]}」需求的住户`} />
        </View>
      ) : (
        <View className='card' id='grid-households'>
          {list.slice(0, SHOWN).map((h) => (
            <View
              key={h.householdId}
              id={`hh-${h.householdId}`}
              className='list-item'
              onClick={() => void Taro.navigateTo({ url: `${BUTLER_PKG}/household/index?householdId=${h.householdId}` })}
            >
              <View className='bt-hh__main'>
                <Text className='bt-hh__label'>{h.label}</Text>
                <Text className='bt-hh__why'>
                  {h.boundUsers > 0 ? `已绑定 ${h.boundUsers} 人` : '未绑定'} · {h.lastActivityAt ? `最近消费 ${formatDate(h.lastActivityAt)}` : '暂无消费记录'}
                </Text>
                {h.atRisk || h.needs.length > 0 ? (
                  <View className='bt-badges'>
                    {h.atRisk ? <Text className='badge bt-badge--danger'>流失预警{h.score === null ? '' : ` ${h.score}分`}</Text> : null}
                    {h.needs.map((n) => (
                      <Text key={n} className='badge badge--info'>
                        {NEED_LABELS[n]}
                      </Text>
                    ))}
                  </View>
                ) : null}
              </View>
              <Text className='muted'>›</Text>
            </View>
          ))}
          {list.length > SHOWN ? <Text className='muted'>仅显示前 {SHOWN} 户，请用上方筛选缩小范围</Text> : null}
        </View>
      )}
    </View>
  )
}
