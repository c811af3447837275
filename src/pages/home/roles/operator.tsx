import { Text, View } from '@tarojs/components'
import { api } from '../../../client'
import { Tiles } from '../../../components/Tiles'
import { operatorTiles } from '../../../features'
import { Cell, CellGroup, Section, StatGrid } from '../../../ui/kit'
import { ErrorState, LoadingState, useQuery } from '../../../ui/shell'

function pct(n: number, d: number): string {
  return d === 0 ? '0%' : `${Math.round((n / d) * 100)}%`
}

export function OperatorHome() {
  const q = useQuery(() => api.user.communityOverview(), [])
  const data = q.data
  if (!data) return q.error ? <ErrorState error={q.error} onRetry={() => void q.reload()} /> : <LoadingState />
  return (
    <View id='home-operator'>
      <Tiles tiles={operatorTiles()} />
      <Section title='社区概况'>
        <StatGrid
          columns={3}
          items={[
            { label: '总户数', value: data.households },
            { label: '绑定率', value: pct(data.boundHouseholds, data.households), tone: 'primary' },
            { label: '住户', value: data.residents }
          ]}
        />
      </Section>
      <Section title='各楼栋绑定率'>
        {data.buildings.map((b) => (
          <View key={b.id} className='home-bar'>
            <View className='home-bar__head'>
              <Text>{b.name}</Text>
              <Text className='muted'>
                {b.bound}/{b.households} 户 · {pct(b.bound, b.households)}
              </Text>
            </View>
            <View className='bar'>
              <View className='bar__fill' style={{ width: pct(b.bound, b.households) }} />
            </View>
          </View>
        ))}
      </Section>
      <CellGroup title='网格与管家'>
        {data.grids.map((g) => (
          <Cell key={g.id} icon='grid' title={g.name} desc={`管家 ${g.butlerName}`} extra={`${g.buildings} 栋`} />
        ))}
      </CellGroup>
    </View>
  )
}
