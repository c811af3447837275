import { rewardText } from '../../contracts/event'
import type { RewardGrantDoc } from '../../domain/event/docs'
import type { Rewards } from '../../domain/event/ports'
import type { Notifier } from '../../kernel/ports'
import type { Store } from '../../kernel/store'

/**
 * Rewards before the membership feature exists: the grant ledger (`rewardGrants`, keyed so each
 * grant is written once) that residents see under 我的奖励, and an inbox notice. Membership will
 * credit points, coupons and service cards from the same ledger rows.
 */
export function rewardLedger(store: Store, notifier: Notifier): Rewards {
  return {
    async grant(g: RewardGrantDoc) {
      const res = await store.insert('rewardGrants', g)
      if (!res.ok) return 'already'
      await notifier.notify({
        userId: g.userId,
        communityId: g.communityId,
        kind: 'event-reward',
        title: g.kind === 'attendance' ? '签到奖励已发放' : '评价奖励已发放',
        body: `「${g.eventTitle}」${rewardText(g.reward)} 已存入「我的活动 · 我的奖励」`,
        link: `/packages/event/pages/mine/index?communityId=${encodeURIComponent(g.communityId)}`
      })
      return 'granted'
    }
  }
}
