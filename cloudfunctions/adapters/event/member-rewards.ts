import type { RewardGrantDoc } from '../../domain/event/docs'
import type { Rewards } from '../../domain/event/ports'
import { creditEventReward } from '../../domain/member/event-rewards'
import type { Ports } from '../../kernel/ports'
import { rewardLedger } from './reward-ledger'

/**
 * Event rewards through membership: the grant becomes real points, a cash voucher or a service
 * card (charged to the event's incentive budget when it has one), then the grant ledger row and
 * the inbox notice are written as before. Idempotent on the grant's `_id`: a retried check-in
 * issues once. A grant refused by the budget issues and records nothing (`already`: no reward
 * text is shown).
 */
export function memberRewards(ports: Ports): Rewards {
  const ledger = rewardLedger(ports.store, ports.notifier)
  return {
    async grant(g: RewardGrantDoc) {
      if ((await creditEventReward(ports, g)) === 'refused') return 'already'
      return ledger.grant(g)
    }
  }
}
