import type { EventPorts } from '../../domain/event/ports'
import type { Ports } from '../../kernel/ports'
import { memberRewards } from './member-rewards'

/**
 * The event ports outside WeChat (local server, tests, jobs): no group context reaches an H5
 * page, and mini-program codes need the platform, so the poster shows its link instead.
 */
export function localEventPorts(ports: Ports): EventPorts {
  return {
    rewards: memberRewards(ports),
    groups: { resolve: async () => null },
    posterCodes: { unlimited: async () => null }
  }
}
