/**
 * The payment pages' words and links: the result says 缴费成功 only for property fees (an order or
 * a booking is paid for, not 缴费), and every link the fee pages and the checkout build carries the
 * community, so it also opens from cold (a reload in H5, a page opened again later).
 */
const mockTaro = {
  pages: [] as { route: string }[],
  navigateTo: jest.fn<Promise<void>, [{ url: string }]>(),
  redirectTo: jest.fn<Promise<void>, [{ url: string }]>(),
  navigateBack: jest.fn<Promise<void>, []>()
}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getCurrentPages: () => mockTaro.pages,
    navigateTo: (o: { url: string }) => mockTaro.navigateTo(o),
    redirectTo: (o: { url: string }) => mockTaro.redirectTo(o),
    navigateBack: () => mockTaro.navigateBack()
  }
}))

const mockCreate = jest.fn<Promise<unknown>, [unknown]>()
const mockCommunity = { id: 'c-a' as string | undefined }
jest.mock('../../src/client', () => ({
  api: { pay: { create: (input: unknown) => mockCreate(input) } },
  actingCommunity: () => mockCommunity.id,
  currentMe: () => null
}))
const mockWechat = jest.fn<Promise<string>, [unknown]>()
jest.mock('../../src/client/cashier', () => ({
  openWechatCashier: (p: unknown) => mockWechat(p),
  confirmSandboxPayment: () => Promise.resolve({ ok: true })
}))

import { backTo, feeLink, paidForLink } from '../../src/packages/fee/links'
import { paymentTitle, resultHeading, resultNote } from '../../src/packages/fee/payment-text'
import { checkout } from '../../src/services/payment'

const PAID_AT = Date.UTC(2026, 2, 1, 2, 30) // 2026-03-01 10:30 in Shanghai

function payment(type: 'bill' | 'order' | 'booking', status: 'created' | 'awaiting' | 'paid' | 'closed' | 'failed' | 'anomaly') {
  return { status, paidFor: { type, label: '', id: `${type}-1` }, paidAt: status === 'paid' ? PAID_AT : null, householdLabel: '1栋 101' }
}

beforeEach(() => {
  mockTaro.pages = []
  mockTaro.navigateTo.mockReset().mockResolvedValue()
  mockTaro.redirectTo.mockReset().mockResolvedValue()
  mockTaro.navigateBack.mockReset().mockResolvedValue()
  mockCreate.mockReset()
  mockWechat.mockReset()
  mockCommunity.id = 'c-a'
})

describe('the pay result page', () => {
  it('says 缴费成功 for property fees and 支付成功 for an order or a booking', () => {
    expect(resultHeading(payment('bill', 'paid'), false)).toBe('缴费成功')
    expect(resultHeading(payment('order', 'paid'), false)).toBe('支付成功')
    expect(resultHeading(payment('booking', 'paid'), false)).toBe('支付成功')
    expect(resultNote(payment('booking', 'paid'), false)).toBe('2026-03-01 10:30 · 1栋 101')
  })

  it('while unconfirmed says so, and once it stops asking points to where the result will show', () => {
    expect(resultHeading(payment('bill', 'awaiting'), false)).toBe('正在确认支付结果')
    expect(resultNote(payment('bill', 'awaiting'), false)).toBe('')
    expect(resultHeading(payment('booking', 'created'), true)).toBe('支付结果确认中')
    expect(resultNote(payment('booking', 'created'), true)).toBe('如已付款请稍后在我的预约中查看，无需重复支付')
    expect(resultNote(payment('bill', 'awaiting'), true)).toBe('如已付款请稍后在缴费记录中查看，无需重复支付')
    expect(resultHeading(payment('order', 'anomaly'), false)).toBe('支付待核查')
    expect(resultHeading(payment('order', 'closed'), false)).toBe('支付未完成')
  })

  it('names a payment by its first line and how many there are', () => {
    const line = (title: string) => ({ type: 'bill' as const, id: title, title, amountFen: 100, refundedFen: 0 })
    expect(paymentTitle([line('2026年1月物业费')])).toBe('2026年1月物业费')
    expect(paymentTitle([line('2026年1月物业费'), line('2026年2月物业费')])).toBe('2026年1月物业费 等 2 项')
  })
})

describe('fee links', () => {
  it('carry the community to the receipt and to what was paid for', () => {
    expect(feeLink('receipt', 'c-a', { paymentId: 'p-1' })).toBe('/packages/fee/pages/receipt/index?paymentId=p-1&communityId=c-a')
    expect(paidForLink({ type: 'order', id: 'o-1' }, 'c-a')).toBe('/packages/presale/pages/order/index?id=o-1&communityId=c-a')
    expect(paidForLink({ type: 'booking', id: 'bk-1' }, 'c-a')).toBe('/packages/service/pages/booking/index?id=bk-1&communityId=c-a')
    expect(paidForLink({ type: 'bill', id: 'b-1' }, 'c-a')).toBe('/packages/fee/pages/bills/index?communityId=c-a')
  })

  it('go back to the page under this one when it is the one wanted, else open it in place (opened from cold)', () => {
    const bills = feeLink('bills', 'c-a')
    mockTaro.pages = [{ route: 'packages/fee/pages/bills/index' }, { route: 'packages/fee/pages/result/index' }]
    backTo(bills)
    expect(mockTaro.navigateBack).toHaveBeenCalledTimes(1)
    expect(mockTaro.redirectTo).not.toHaveBeenCalled()

    mockTaro.pages = [{ route: '/pages/home/index' }, { route: '/packages/fee/pages/result/index' }]
    backTo(bills)
    mockTaro.pages = [{ route: 'packages/fee/pages/result/index' }]
    backTo(bills)
    expect(mockTaro.navigateBack).toHaveBeenCalledTimes(1)
    expect(mockTaro.redirectTo.mock.calls).toEqual([[{ url: bills }], [{ url: bills }]])
  })
})

describe('checkout', () => {
  const input = { payables: [{ type: 'bill' as const, id: 'b-1' }], clientRequestId: 'req-00000001' }
  const made = (launch: unknown) => ({ ok: true, data: { payment: { id: 'pay-1', totalFen: 12000 }, launch } })

  it('opens the sandbox cashier, then the result, in the community paid in', async () => {
    mockCreate.mockResolvedValue(made({ kind: 'sandbox', prepayId: 'sbx_1' }))
    const r = await checkout(input)
    expect(r.ok).toBe(true)
    expect(mockCreate).toHaveBeenCalledWith(input)
    expect(mockTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/fee/pages/cashier/index?paymentId=pay-1&prepayId=sbx_1&total=12000&communityId=c-a' })
  })

  it('after WeChat Pay goes to the result unless the payer cancelled', async () => {
    mockCreate.mockResolvedValue(made({ kind: 'wechat', params: {} }))
    mockWechat.mockResolvedValueOnce('paid').mockResolvedValueOnce('cancelled')
    await checkout(input)
    await checkout(input)
    expect(mockTaro.redirectTo.mock.calls).toEqual([[{ url: '/packages/fee/pages/result/index?paymentId=pay-1&communityId=c-a' }]])
  })

  it('hands a refusal back to the page and goes nowhere', async () => {
    const error = { code: 'PAY.NOTHING_DUE', message: '没有需要支付的项目', requestId: 'r-1' }
    mockCreate.mockResolvedValue({ ok: false, error })
    expect(await checkout(input)).toEqual({ ok: false, error })
    expect(mockTaro.navigateTo).not.toHaveBeenCalled()
    expect(mockTaro.redirectTo).not.toHaveBeenCalled()
  })
})
