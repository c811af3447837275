import type { officeContracts } from '../../contracts/office'
import type { GoLiveStep } from '../../contracts/office-golive'
import type { ActionHandler } from '../../kernel/module'
import { ok } from '../../kernel/result'
import { periodOf } from '../fee/money'
import { unissuedCodeHash } from '../user/format'

type C = typeof officeContracts

interface Step {
  key: GoLiveStep
  done: boolean
  required: boolean
  detail: string
}

/**
 * Households still waiting for their first slip: their code hash is the `unissued:` marker, which
 * sorts apart from every real (hex) hash, so a range query counts them without reading them.
 */
const UNISSUED = { gte: unissuedCodeHash(''), lt: `${unissuedCodeHash('').slice(0, -1)};` }

/** What a community still lacks before its residents are invited: counts only, read side by side. */
export const checklist: ActionHandler<C['checklist']> = async ({ ports, actor }) => {
  const communityId = actor.communityId
  const period = periodOf(ports.clock.now())
  const [households, unissued, buildings, grids, butlers, items, billed, gates, pickup] = await Promise.all([
    ports.store.count('households', { communityId }),
    ports.store.count('households', { communityId, codeHash: UNISSUED }),
    ports.store.find('buildings', { where: { communityId }, limit: 1000 }),
    ports.store.find('grids', { where: { communityId }, limit: 1000 }),
    ports.store.find('staffRoles', { where: { communityId, role: 'butler' }, limit: 1000 }),
    ports.store.count('feeItems', { communityId, active: true }),
    ports.store.count('billingRuns', { communityId, period }),
    ports.store.count('gates', { communityId }),
    ports.store.count('pickupPoints', { communityId })
  ])
  const inGrid = new Set(grids.flatMap((g) => g.buildingIds))
  const outside = buildings.filter((b) => !inGrid.has(b._id)).length
  const butlerIds = new Set(butlers.map((b) => b.userId))
  const unattended = grids.filter((g) => !butlerIds.has(g.butlerUserId)).length
  const steps: Step[] = [
    { key: 'households', required: true, done: households > 0, detail: households > 0 ? `已导入 ${buildings.length} 栋楼、${households} 户` : '还没有房屋，请导入房屋台账' },
    {
      key: 'codes',
      required: true,
      done: households > 0 && unissued === 0,
      detail: households === 0 ? '导入房屋后打印' : unissued === 0 ? `${households} 户都已有房屋码` : `还有 ${unissued} 户未打印房屋码`
    },
    {
      key: 'grids',
      required: true,
      done: buildings.length > 0 && outside === 0 && grids.length > 0 && unattended === 0,
      detail:
        grids.length === 0
          ? '还没有划分网格、指派管家'
          : outside > 0
            ? `还有 ${outside} 栋楼未划入网格`
            : unattended > 0
              ? `${unattended} 个网格的管家已不在岗，请重新指派`
              : `${grids.length} 个网格，每个都有管家负责`
    },
    { key: 'fees', required: true, done: items > 0, detail: items > 0 ? `${items} 个收费项目启用中` : '还没有启用的收费项目' },
    { key: 'billing', required: true, done: billed > 0, detail: billed > 0 ? `本月（${period}）账单已生成` : `本月（${period}）账单尚未生成` },
    { key: 'gates', required: false, done: gates > 0, detail: gates > 0 ? `已登记 ${gates} 台门禁设备` : '住户的通行码与访客码需要门禁设备' },
    { key: 'pickup', required: false, done: pickup > 0, detail: pickup > 0 ? `${pickup} 个自提点` : '严选预售的商品送到自提点，住户凭码提货' }
  ]
  return ok({ steps, ready: steps.every((s) => !s.required || s.done) })
}
