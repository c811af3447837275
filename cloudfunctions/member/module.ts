import { memberContracts } from '../contracts/member'
import {
  budget,
  budgets,
  card,
  cards,
  checkoutOptions,
  claimCoupon,
  coupons,
  createBudget,
  createTemplate,
  findResidents,
  issueCoupons,
  issueReward,
  points,
  previewSegment,
  rules,
  saveRules,
  templates,
  transferCard,
  updateTemplate
} from '../domain/member/actions'
import { runDaily, runSweep } from '../domain/member/jobs'
import { catchUpPayments } from '../domain/member/payment-listener'
import { defineModule } from '../kernel/module'

/**
 * The member function: what the mini-program calls for points, levels, coupons, service cards
 * and incentives. Fees, orders, bookings and events use the domain module (domain/member/) in
 * process, so their functions bundle it too.
 */
export const memberModule = defineModule({
  fn: 'member',
  contracts: memberContracts,
  handlers: {
    card,
    points,
    coupons,
    claimCoupon,
    cards,
    transferCard,
    checkoutOptions,
    templates,
    createTemplate,
    updateTemplate,
    previewSegment,
    issueCoupons,
    rules,
    saveRules,
    budgets,
    createBudget,
    budget,
    issueReward,
    findResidents
  },
  jobs: [
    {
      name: 'member-sweep',
      cron: '0 */5 * * * * *',
      summary: '每 5 分钟：补完中断的积分、库存、次卡与预算记账；释放超时未付的优惠券占用；补发未发完的批量券',
      run: (ports) => runSweep(ports)
    },
    {
      name: 'member-catch-up',
      cron: '0 20 * * * * *',
      summary: '每小时：回放近三天的支付与退款，补记漏掉的积分（幂等）',
      run: (ports) => catchUpPayments(ports)
    },
    {
      name: 'member-daily',
      cron: '0 10 3 * * * *',
      summary: '每天 03:10 积分到期（先进先出）、按近 12 个月重算会员等级、优惠券过期',
      run: (ports) => runDaily(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 20
})
