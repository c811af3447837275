import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@contracts/roles'
import { type Tile, Tiles } from '../../../components/Tiles'

const STAFF = '/packages/service-staff/pages'

/** Home-service roles: a worker opens today's jobs; a dispatcher the board, reputation and complaints. */
export function ServiceHome({ role }: { role: 'worker' | 'dispatcher' }) {
  const tiles: Tile[] =
    role === 'worker'
      ? [{ key: 'jobs', title: '今日工单', glyph: '单', tone: 'green', url: `${STAFF}/jobs/index` }]
      : [
          { key: 'board', title: '调度看板', glyph: '派', tone: 'green', url: `${STAFF}/board/index` },
          { key: 'reputation', title: '师傅口碑', glyph: '师', tone: 'blue', url: `${STAFF}/reputation/index` },
          { key: 'complaints', title: '投诉工单', glyph: '诉', tone: 'orange', url: `${STAFF}/complaints/index` }
        ]
  return (
    <View id={`home-${role}`}>
      <Tiles tiles={tiles} />
      <View className='card'>
        <Text className='section-title'>{ROLE_LABELS[role]}工作台</Text>
        <Text className='muted'>
          {role === 'worker'
            ? '出发、到达时请及时点击，服务中逐项完成服务标准，住户可实时看到进度。'
            : '新预约会自动派给空闲且技能匹配的师傅；报修无人可派时进入待派单，可在看板派单或替换师傅。'}
        </Text>
      </View>
    </View>
  )
}
