import { View } from '@tarojs/components'
import { RELATION_LABELS } from '@contracts/roles'
import type { Me } from '@contracts/user'
import { Tiles } from '../../../components/Tiles'
import { residentTiles } from '../../../features'
import { Cell, CellGroup, Chip } from '../../../ui/kit'
import { ForYou } from './for-you'
import { HomeNotices } from './notices'

export function ResidentHome({ me }: { me: Me }) {
  const home = me.households.find((h) => h.householdId === me.current?.householdId)
  return (
    <View id='home-resident'>
      <Tiles tiles={residentTiles(me)} />
      {home ? <HomeNotices communityId={home.communityId} /> : null}
      {home ? <ForYou householdId={home.householdId} communityId={home.communityId} /> : null}
      {home ? (
        <CellGroup title='当前房屋'>
          <Cell
            icon='home'
            title={`${home.communityName} · ${home.label}`}
            desc={me.households.length > 1 ? `你共绑定了 ${me.households.length} 套房屋，可在右上角切换` : undefined}
            extra={<Chip text={RELATION_LABELS[home.relation]} tone='primary' />}
          />
        </CellGroup>
      ) : null}
    </View>
  )
}
