import type { Tile } from '../../../components/Tiles'
import { DeskHome } from './desk'
import { pkgPage } from '../../../utils/link'


type ServiceRole = 'worker' | 'dispatcher'

const DESKS: Record<ServiceRole, { tiles: Tile[]; notice: string }> = {
  worker: {
    tiles: [
      { key: 'jobs', title: '今日预约', icon: 'task', tone: 'green', url: pkgPage('service-staff', 'jobs') },
      // Repairs 客服 logged by phone or at the front desk, each under its SLA timers.
      { key: 'work-orders', title: '报修工单', icon: 'repair', tone: 'orange', url: pkgPage('service-staff', 'work-orders') }
    ],
    notice: '出发、到达时请及时点击，服务中逐项完成服务标准，住户可实时看到进度。报修工单请在时限内响应和到场。'
  },
  dispatcher: {
    tiles: [
      { key: 'board', title: '调度看板', icon: 'grid', tone: 'green', url: pkgPage('service-staff', 'board') },
      { key: 'reputation', title: '师傅口碑', icon: 'repair', tone: 'blue', url: pkgPage('service-staff', 'reputation') },
      { key: 'complaints', title: '投诉工单', icon: 'complaint', tone: 'orange', url: pkgPage('service-staff', 'complaints') }
    ],
    notice: '新预约会自动派给空闲且技能匹配的师傅；报修无人可派时进入待派单，可在看板派单或替换师傅。'
  }
}

/** Home-service roles: a worker opens today's jobs; a dispatcher the board, reputation and complaints. */
export function ServiceHome({ role }: { role: ServiceRole }) {
  return <DeskHome role={role} {...DESKS[role]} />
}
