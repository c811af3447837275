import type { OrderPorts } from '../../domain/order/ports'
import type { Ports } from '../../kernel/ports'

/**
 * The order ports outside WeChat (local server, tests, jobs): no group context reaches an H5
 * page, and mini-program codes need the platform, so the poster shows its token instead.
 */
export function localOrderPorts(_ports: Ports): OrderPorts {
  return {
    groups: { resolve: async () => null },
    posterCodes: { unlimited: async () => null }
  }
}
