import { Text, View } from '@tarojs/components'
import { RELATION_LABELS } from '@contracts/roles'
import type { Me } from '@contracts/user'
import { Tiles } from '../../../components/Tiles'
import { residentTiles } from '../../../features'

export function ResidentHome({ me }: { me: Me }) {
  const home = me.households.find((h) => h.householdId === me.current?.householdId)
  return (
    <View id='home-resident'>
      <Tiles tiles={residentTiles(me)} />
      {home ? (
        <View className='card'>
          <View className='row'>
            <Text className='section-title'>当前房屋</Text>
            <Text className='badge'>{RELATION_LABELS[home.relation]}</Text>
          </View>
          <Text className='home__house'>
            {home.communityName} · {home.label}
          </Text>
          {me.households.length > 1 ? (
            <Text className='muted home__more'>你共绑定了 {me.households.length} 套房屋，点右上角「切换」换一套</Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
