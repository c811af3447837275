import type { PassStatusT } from '@contracts/access'
import { Chip, type Tone } from '../../../ui/kit'

const LABELS: Record<PassStatusT, [string, Tone]> = {
  active: ['有效', 'primary'],
  used_up: ['次数已用完', 'muted'],
  expired: ['已过期', 'muted'],
  revoked: ['已撤销', 'danger']
}

export function PassStatusBadge({ status, id }: { status: PassStatusT; id?: string }) {
  const [label, tone] = LABELS[status]
  return <Chip text={label} tone={tone} id={id} />
}
