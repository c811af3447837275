import type { IncomingMessage } from 'node:http'
import { handlePayNotification } from '../../cloudfunctions/domain/payment/notify'
import { handleTransferNotification } from '../../cloudfunctions/domain/selling/transfer-notify'
import type { Route } from './http'
import type { LocalPorts } from './local-runtime'

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') out[k] = v
  return out
}

/**
 * The local server's payment endpoints: `/pay/notify` is what WeChat Pay's notify_url reaches in
 * CloudBase (same handler), `/pay/transfer-notify` the 商家转账 one; `/sandbox/pay/confirm` is the
 * sandbox sheet's "pay" button and `/sandbox/transfer/confirm` the 确认收款 sheet's, each allowed
 * only to the payer's or payee's own session.
 */
export function payRoutes(ports: LocalPorts): Record<string, Route> {
  return {
    '/pay/notify': async (req, body) => {
      const out = await handlePayNotification(ports, headersOf(req), body)
      return { status: out.status, ...(out.body ? { json: JSON.parse(out.body) as unknown } : {}) }
    },
    '/sandbox/pay/confirm': async (_req, body, session) => {
      if (!session) return { status: 401, json: { ok: false, reason: '请先登录' } }
      let prepayId: unknown
      try {
        prepayId = (JSON.parse(body) as { prepayId?: unknown }).prepayId
      } catch {
        return { status: 400, json: { ok: false, reason: '请求格式错误' } }
      }
      const order = typeof prepayId === 'string' ? ports.sandbox.order(prepayId) : undefined
      if (!order || order.openid !== session.openid) return { status: 404, json: { ok: false, reason: '订单不存在或已失效' } }
      const res = await ports.sandbox.confirm(order.prepayId)
      return { status: res.ok ? 200 : 409, json: res }
    },
    '/pay/transfer-notify': async (req, body) => {
      const out = await handleTransferNotification(ports, headersOf(req), body)
      return { status: out.status, ...(out.body ? { json: JSON.parse(out.body) as unknown } : {}) }
    },
    // The sandbox's 确认收款 sheet (WeChat's confirmation page in the mini-program): only the payee's own session.
    '/sandbox/transfer/confirm': async (_req, body, session) => {
      if (!session) return { status: 401, json: { ok: false, reason: '请先登录' } }
      let packageInfo: unknown
      try {
        packageInfo = (JSON.parse(body) as { package?: unknown }).package
      } catch {
        return { status: 400, json: { ok: false, reason: '请求格式错误' } }
      }
      const bill = typeof packageInfo === 'string' ? ports.transferSandbox.billByPackage(packageInfo) : undefined
      if (!bill || bill.openid !== session.openid) return { status: 404, json: { ok: false, reason: '转账单不存在或已失效' } }
      const res = await ports.transferSandbox.confirmTransfer(bill.outBillNo)
      return { status: res.ok ? 200 : 409, json: res }
    }
  }
}
