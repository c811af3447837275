import { View } from '@tarojs/components'
import { ROLE_LABELS } from '@contracts/roles'
import { type Tile, Tiles } from '../../../components/Tiles'
import { Notice, Section } from '../../../ui/kit'

const EVENTS = '/packages/event/pages'

/** Event staff run events and read feedback; verifiers pick an event and check people in. */
export function StaffHome({ role }: { role: 'staff' | 'verifier' }) {
  const tiles: Tile[] =
    role === 'staff'
      ? [
          { key: 'event-create', title: '创建活动', icon: 'add', tone: 'green', url: `${EVENTS}/edit/index` },
          { key: 'event-manage', title: '活动管理', icon: 'event', tone: 'orange', url: `${EVENTS}/list/index` },
          { key: 'event-ideas', title: '创意墙', icon: 'thumb', tone: 'purple', url: `${EVENTS}/ideas/index` },
          // Participant incentives are issued against the event's budget.
          { key: 'budgets', title: '激励预算', icon: 'gift', tone: 'blue', url: '/packages/member/pages/budgets/index' }
        ]
      : [
          { key: 'event-checkin', title: '签到核销', icon: 'scan', tone: 'blue', url: `${EVENTS}/list/index` },
          { key: 'presale-verify', title: '自提核销', icon: 'store', tone: 'green', url: '/packages/presale-admin/pages/verify/index' }
        ]
  return (
    <View id={`home-${role}`}>
      <Tiles tiles={tiles} />
      <Section title={`${ROLE_LABELS[role]}工作台`}>
        <Notice tone='info'>
          {role === 'staff'
            ? '创建服务体验会与社区活动，查看报名与候补、导出名单，活动后查看反馈与新服务创意。'
            : '在「签到核销」中选择活动，扫描居民电子票二维码或输入 6 位核销码。'}
        </Notice>
      </Section>
    </View>
  )
}
