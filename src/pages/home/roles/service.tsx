import { View } from '@tarojs/components'
import { ROLE_LABELS } from '@contracts/roles'
import { type Tile, Tiles } from '../../../components/Tiles'
import { Notice, Section } from '../../../ui/kit'

const STAFF = '/packages/service-staff/pages'

/** Home-service roles: a worker opens today's jobs; a dispatcher the board, reputation and complaints. */
export function ServiceHome({ role }: { role: 'worker' | 'dispatcher' }) {
  const tiles: Tile[] =
    role === 'worker'
      ? [{ key: 'jobs', title: '今日工单', icon: 'task', tone: 'green', url: `${STAFF}/jobs/index` }]
      : [
          { key: 'board', title: '调度看板', icon: 'grid', tone: 'green', url: `${STAFF}/board/index` },
          { key: 'reputation', title: '师傅口碑', icon: 'repair', tone: 'blue', url: `${STAFF}/reputation/index` },
          { key: 'complaints', title: '投诉工单', icon: 'complaint', tone: 'orange', url: `${STAFF}/complaints/index` }
        ]
  return (
    <View id={`home-${role}`}>
      <Tiles tiles={tiles} />
      <Section title={`${ROLE_LABELS[role]}工作台`}>
        <Notice tone='info'>
          {role === 'worker'
            ? '出发、到达时请及时点击，服务中逐项完成服务标准，住户可实时看到进度。'
            : '新预约会自动派给空闲且技能匹配的师傅；报修无人可派时进入待派单，可在看板派单或替换师傅。'}
        </Notice>
      </Section>
    </View>
  )
}
