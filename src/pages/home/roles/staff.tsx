import { Text, View } from '@tarojs/components'
import { ROLE_LABELS } from '@contracts/roles'

/**
 * Event staff and verifiers: their tools (events, check-in scanner) arrive with the events issue;
 * until then the home says what this role will do here.
 */
export function StaffHome({ role }: { role: 'staff' | 'verifier' }) {
  return (
    <View className='card' id={`home-${role}`}>
      <Text className='section-title'>{ROLE_LABELS[role]}工作台</Text>
      <Text className='muted'>
        {role === 'staff'
          ? '服务体验会与社区活动的创建、报名管理和反馈收集将在这里进行。'
          : '活动签到与核销将在这里进行：扫描居民的电子票或输入核销码。'}
      </Text>
    </View>
  )
}
