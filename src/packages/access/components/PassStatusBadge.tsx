import { Text } from '@tarojs/components'
import type { PassStatusT } from '@contracts/access'

const LABELS: Record<PassStatusT, [string, string]> = {
  active: ['有效', ''],
  used_up: ['次数已用完', 'badge--muted'],
  expired: ['已过期', 'badge--muted'],
  revoked: ['已撤销', 'badge--danger']
}

export function PassStatusBadge({ status }: { status: PassStatusT }) {
  const [label, tone] = LABELS[status]
  return <Text className={`badge ${tone}`}>{label}</Text>
}
