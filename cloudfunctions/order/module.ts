import { callerIdentity } from '../kernel/identity'
import type { ActionContract } from '../contracts/define'
import { orderContracts } from '../contracts/order'
import { localOrderPorts } from '../adapters/order/local'
import * as a from '../domain/order/actions'
import { competitorPrices, removeCompetitorPrice, saveCompetitorPrice } from '../domain/order/competitors'
import { deliver, deliveries, verifyPickup } from '../domain/order/delivery'
import { forYou } from '../domain/order/for-you'
import { marginBoard } from '../domain/order/margin'
import { closeProposal, convertProposal, proposalBoard } from '../domain/order/proposal-convert'
import { proposal, proposals, registerInterest, saveProposal } from '../domain/order/proposals'
import { settleCampaigns, sweepOrders } from '../domain/order/jobs'
import { purchaseOrders, receivePurchase, supplierScorecard, supplierStatement } from '../domain/order/supply'
import type { OrderHandler, OrderPorts } from '../domain/order/ports'
import { poster, recordVisit, share, shareProposal } from '../domain/order/sharing'
import { type ActionHandler, defineModule } from '../kernel/module'
import type { Ports } from '../kernel/ports'
import { fail } from '../kernel/result'

/**
 * The order function: pre-sales and group buys. Its platform adapters (group open data, poster
 * codes) differ between CloudBase and the local server, so the module is built from a wiring
 * function: index.ts passes the CloudBase one, modules.ts (local server, jobs, tests) the local one.
 */
export function createOrderModule(wire: (ports: Ports) => OrderPorts) {
  const cache = new WeakMap<Ports, OrderPorts>()
  const orderPorts = (ports: Ports) => {
    let op = cache.get(ports)
    if (!op) cache.set(ports, (op = wire(ports)))
    return op
  }
  const bind =
    <C extends ActionContract>(h: OrderHandler<C>): ActionHandler<C> =>
    ({ actor, identity, ...ctx }, input) => {
      // Every order action needs a registered caller; the runtime refuses anyone else first.
      const caller = callerIdentity(identity)
      return actor && caller ? h({ ...ctx, identity: caller, actor, op: orderPorts(ctx.ports) }, input) : Promise.resolve(fail('AUTH.NOT_REGISTERED', '请先登录'))
    }

  return defineModule({
    fn: 'order',
    contracts: orderContracts,
    handlers: {
      campaigns: bind(a.campaigns),
      campaign: bind(a.campaign),
      create: bind(a.create),
      mine: bind(a.mine),
      get: bind(a.get),
      cancel: bind(a.cancel),
      confirmReceived: bind(a.confirmReceived),
      requestAfterSale: bind(a.requestAfterSale),
      recordVisit: bind(recordVisit),
      share: bind(share),
      poster: bind(poster),
      deliveries: bind(deliveries),
      deliver: bind(deliver),
      verifyPickup: bind(verifyPickup),
      forYou: bind(forYou),
      proposals: bind(proposals),
      proposal: bind(proposal),
      registerInterest: bind(registerInterest),
      saveProposal: bind(saveProposal),
      convertProposal: bind(convertProposal),
      closeProposal: bind(closeProposal),
      proposalBoard: bind(proposalBoard),
      shareProposal: bind(shareProposal),
      catalog: bind(a.catalog),
      saveProduct: bind(a.saveProduct),
      saveSupplier: bind(a.saveSupplier),
      savePickupPoint: bind(a.savePickupPoint),
      competitorPrices: bind(competitorPrices),
      saveCompetitorPrice: bind(saveCompetitorPrice),
      removeCompetitorPrice: bind(removeCompetitorPrice),
      marginBoard: bind(marginBoard),
      purchaseOrders: bind(purchaseOrders),
      receivePurchase: bind(receivePurchase),
      supplierScorecard: bind(supplierScorecard),
      supplierStatement: bind(supplierStatement),
      adminCampaigns: bind(a.adminCampaigns),
      saveCampaign: bind(a.saveCampaign),
      publishCampaign: bind(a.publishCampaign),
      dashboard: bind(a.dashboard),
      reviewAfterSale: bind(a.reviewAfterSale)
    },
    jobs: [
      {
        name: 'presale-orders',
        cron: '0 * * * * * *',
        summary: '每分钟：超时未付的预售订单过期并释放库存；修复中断的下单、释放与退款',
        run: (ports) => sweepOrders(ports)
      },
      {
        name: 'presale-settle',
        cron: '30 */5 * * * * *',
        summary: '每 5 分钟：截止的预售结算（成团则按网格生成配送任务，未成团则自动退款），可重复运行',
        // Settling needs pending orders resolved first (expired, paid or refunding), so it sweeps too.
        run: async (ports) => ({ ...(await sweepOrders(ports)), ...(await settleCampaigns(ports)) })
      }
    ],
    memoryMB: 256,
    timeoutSec: 60,
    usesPayment: true
  })
}

export const orderModule = createOrderModule(localOrderPorts)
