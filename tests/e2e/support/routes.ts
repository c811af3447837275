import { COMMUNITY_A } from '../../../scripts/seed/demo-ids'
import { DEMO_COURSE_ID } from '../../../scripts/seed/training'
import { callAs, callWith, payOneBill } from './api'

/**
 * Every page route with a persona who would open it and the params a real link carries, made
 * from the seeded demo (and, where the demo has none, from the same actions a person would use).
 * A page added to app.config.ts without a row here fails the cold-link test.
 */
export interface RouteCase {
  /** Who opens it; null for the sign-in page itself. */
  persona: string | null
  params?: Record<string, string>
  /** Linked from a message, share card, poster, QR or subscribe message: also opened logged out. */
  linked?: boolean
}

const A = { communityId: COMMUNITY_A }
const WANG_HOME = { householdId: 'h-a1-101', ...A }

export interface Made {
  paymentId: string
  orderId: string
  visitorToken: string
  invitationToken: string
  signupId: string
  workerBookingId: string
  consoleSignInId: string
  staffInviteToken: string
  statementId: string
}

/** The records the demo lacks, made through the real actions. */
export async function makeRecords(baseUrl: string): Promise<Made> {
  const paymentId = await payOneBill(baseUrl, 'u-wang', 'h-a1-101', COMMUNITY_A)
  const order = await callAs(
    baseUrl,
    'u-wang',
    'order.create',
    { campaignId: 'pc-a-veg', skuId: 's1', quantity: 1, householdId: 'h-a1-101', clientRequestId: `cold-o-${Date.now()}` },
    COMMUNITY_A
  )
  const now = Date.now()
  const pass = await callAs(
    baseUrl,
    'u-wang',
    'access.createVisitorPass',
    { householdId: 'h-a1-101', visitorName: '林访客', visitorPhone: '13712345678', purpose: '探亲', validFrom: now, validTo: now + 4 * 3600_000, maxUses: 2 },
    COMMUNITY_A
  )
  const invitation = await callAs(baseUrl, 'u-wang', 'user.createInvitation', { householdId: 'h-a1-101', relation: 'family' }, COMMUNITY_A)
  // Seeded: 赵晓雨's confirmed sign-up to the cleaning session, and 马师傅's finished job 12 days ago.
  const signupId = 'ev-demo-cleaning:h-a3-201:1'
  const workerBookingId = 'bk-demo-past-1'
  // A computer asking to sign in to the office console, as its QR code is scanned.
  const signIn = await callWith(baseUrl, '', 'office.startSignIn', { device: 'Chrome · 物业前台电脑' })
  // An operator's invitation to a new butler, opened by 陈新来 as its QR code is scanned.
  const staffInvite = await callAs(baseUrl, 'u-operator-wu', 'office.inviteStaff', { role: 'butler', name: '陈新来' }, COMMUNITY_A)
  // Seeded: 张管家's commission statements of the two months before the demo's; the newest is opened.
  const [statement] = (await callAs(baseUrl, 'u-butler-zhang', 'selling.myStatements', {}, COMMUNITY_A)).items
  if (!statement) throw new Error('the demo holds no commission statement for u-butler-zhang')
  return {
    paymentId,
    orderId: order.id,
    visitorToken: pass.token,
    invitationToken: invitation.token,
    signupId,
    workerBookingId,
    consoleSignInId: signIn.id,
    staffInviteToken: staffInvite.token,
    statementId: statement.id
  }
}

export function routeCases(m: Made): Record<string, RouteCase> {
  return {
    'pages/login/index': { persona: null },
    'pages/home/index': { persona: 'u-wang' },
    'pages/me/index': { persona: 'u-wang' },
    'pages/messages/index': { persona: 'u-wang' },
    'packages/message/pages/notice/index': { persona: 'u-wang', params: { id: 'n-seed-heating', ...A }, linked: true },
    'packages/message-admin/pages/notices/index': { persona: 'u-operator-wu' },
    // Parcels: the resident's page opens from the arrival message and reminders, the butler's from a delivery request.
    'packages/parcel/pages/mine/index': { persona: 'u-wang', params: A, linked: true },
    'packages/parcel/pages/desk/index': { persona: 'u-verifier-zhou' },
    'packages/parcel/pages/deliveries/index': { persona: 'u-butler-zhang', params: A, linked: true },
    // Parking: the pay page opens from the exit barrier's QR with the plate; 我的车位 from the home tile.
    'packages/parking/pages/pay/index': { persona: 'u-wang', params: { ...A, plate: '沪A12345' }, linked: true },
    'packages/parking/pages/mine/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/message-admin/pages/edit/index': { persona: 'u-operator-wu' },
    'packages/message-admin/pages/reach/index': { persona: 'u-butler-zhang', params: { id: 'n-seed-heating' } },
    'packages/vote/pages/list/index': { persona: 'u-wang', params: A },
    'packages/vote/pages/detail/index': { persona: 'u-wang', params: { id: 'v-seed-charging', ...A }, linked: true },
    'packages/vote/pages/paper/index': { persona: 'u-butler-zhang', params: { id: 'v-seed-charging' } },
    'packages/vote/pages/receipts/index': { persona: 'u-wang', params: { id: 'v-seed-lift', ...A } },
    'packages/survey/pages/list/index': { persona: 'u-wang', params: A },
    'packages/survey/pages/answer/index': { persona: 'u-wang', params: { id: 's-seed-needs', ...A }, linked: true },
    'packages/survey/pages/results/index': { persona: 'u-butler-zhang', params: { id: 's-seed-needs' } },
    'packages/household/pages/bind/index': { persona: 'u-newcomer' },
    'packages/household/pages/join/index': { persona: 'u-newcomer' },
    'packages/household/pages/invite/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/household/pages/accept/index': { persona: 'u-newcomer', params: { token: m.invitationToken }, linked: true },
    'packages/household/pages/members/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/account/pages/switch/index': { persona: 'u-wang' },
    'packages/account/pages/profile/index': { persona: 'u-wang' },
    'packages/account/pages/console-signin/index': { persona: 'u-operator-wu', params: { r: m.consoleSignInId }, linked: true },
    'packages/account/pages/console-sessions/index': { persona: 'u-operator-wu' },
    'packages/account/pages/claim-admin/index': { persona: 'u-newcomer' },
    'packages/account/pages/staff-invite/index': { persona: 'u-newcomer', params: { t: m.staffInviteToken }, linked: true },
    'packages/butler/pages/requests/index': { persona: 'u-butler-zhang', params: A, linked: true },
    'packages/butler/pages/tasks/index': { persona: 'u-butler-zhang', params: A, linked: true },
    'packages/butler/pages/grid/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/household/index': { persona: 'u-butler-zhang', params: { householdId: 'h-a1-101', ...A } },
    'packages/butler/pages/history/index': { persona: 'u-butler-zhang', params: { householdId: 'h-a1-101', ...A } },
    'packages/butler/pages/cases/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/scoreboard/index': { persona: 'u-butler-zhang' },
    // Training (issue 20): the demo's required 严选预售 course; 我的成长 opens from the 学习与佣金 tile.
    'packages/butler/pages/courses/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/course/index': { persona: 'u-butler-zhang', params: { id: DEMO_COURSE_ID } },
    'packages/butler/pages/quiz/index': { persona: 'u-butler-zhang', params: { id: DEMO_COURSE_ID } },
    'packages/butler/pages/grow/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/kits/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/kit/index': { persona: 'u-butler-zhang', params: { kind: 'campaign', id: 'pc-a-veg' } },
    'packages/butler/pages/statements/index': { persona: 'u-butler-zhang' },
    'packages/butler/pages/statement/index': { persona: 'u-butler-zhang', params: { id: m.statementId } },
    'packages/profile/pages/mine/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/access/pages/pass/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/access/pages/invite/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/access/pages/visitors/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/access/pages/visitor/index': { persona: 'u-newcomer', params: { t: m.visitorToken }, linked: true },
    'packages/access/pages/log/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/access/pages/gates/index': { persona: 'u-operator-wu' },
    'packages/access/pages/gate-log/index': { persona: 'u-operator-wu', params: { gateId: 'ly-main', ...A } },
    'packages/access/pages/grid-visitors/index': { persona: 'u-butler-zhang' },
    'packages/fee/pages/bills/index': { persona: 'u-wang', params: WANG_HOME, linked: true },
    'packages/fee/pages/cashier/index': { persona: 'u-wang', params: { paymentId: m.paymentId, ...A } },
    'packages/fee/pages/result/index': { persona: 'u-wang', params: { paymentId: m.paymentId, ...A }, linked: true },
    'packages/fee/pages/receipt/index': { persona: 'u-wang', params: { paymentId: m.paymentId, ...A }, linked: true },
    'packages/fee/pages/history/index': { persona: 'u-wang', params: WANG_HOME },
    'packages/fee-admin/pages/collection/index': { persona: 'u-operator-wu' },
    'packages/fee-admin/pages/arrears/index': { persona: 'u-operator-wu' },
    'packages/fee-admin/pages/refund/index': { persona: 'u-operator-wu' },
    'packages/event/pages/list/index': { persona: 'u-wang', params: A, linked: true },
    'packages/event/pages/detail/index': { persona: 'u-wang', params: { id: 'ev-demo-cleaning', ...A }, linked: true },
    'packages/event/pages/signup/index': { persona: 'u-wang', params: { id: 'ev-demo-cleaning', ...A } },
    'packages/event/pages/ticket/index': { persona: 'u-zhao', params: { id: m.signupId, ...A }, linked: true },
    'packages/event/pages/mine/index': { persona: 'u-zhao', params: A, linked: true },
    'packages/event/pages/feedback/index': { persona: 'u-zhao', params: { id: 'ev-demo-cleaning', ...A }, linked: true },
    'packages/event/pages/edit/index': { persona: 'u-staff-sun', params: { id: 'ev-demo-cleaning', ...A } },
    'packages/event/pages/signups/index': { persona: 'u-staff-sun', params: { id: 'ev-demo-cleaning', ...A } },
    'packages/event/pages/checkin/index': { persona: 'u-verifier-zhou', params: { id: 'ev-demo-cleaning', ...A } },
    'packages/event/pages/ideas/index': { persona: 'u-staff-sun' },
    'packages/event/pages/invites/index': { persona: 'u-butler-zhang' },
    'packages/event/pages/poster/index': { persona: 'u-butler-zhang', params: { id: 'ev-demo-cleaning', ...A } },
    'packages/presale/pages/list/index': { persona: 'u-wang', params: A, linked: true },
    'packages/presale/pages/detail/index': { persona: 'u-wang', params: { id: 'pc-a-veg', ...A }, linked: true },
    'packages/presale/pages/confirm/index': { persona: 'u-wang', params: { id: 'pc-a-veg', skuId: 's1', ...A } },
    'packages/presale/pages/orders/index': { persona: 'u-wang', params: WANG_HOME, linked: true },
    'packages/presale/pages/order/index': { persona: 'u-wang', params: { id: m.orderId, ...A }, linked: true },
    'packages/presale/pages/proposals/index': { persona: 'u-wang', params: A, linked: true },
    'packages/presale/pages/proposal/index': { persona: 'u-wang', params: { id: 'pp-a-cashmere', ...A }, linked: true },
    'packages/presale-admin/pages/campaigns/index': { persona: 'u-operator-wu' },
    'packages/presale-admin/pages/edit/index': { persona: 'u-operator-wu', params: { id: 'pc-a-veg', ...A } },
    'packages/presale-admin/pages/product/index': { persona: 'u-operator-wu', params: { id: 'pd-a-veg', ...A } },
    'packages/presale-admin/pages/dashboard/index': { persona: 'u-operator-wu', params: { id: 'pc-a-veg', ...A } },
    'packages/presale-admin/pages/deliveries/index': { persona: 'u-butler-zhang', linked: true },
    'packages/presale-admin/pages/verify/index': { persona: 'u-verifier-zhou' },
    'packages/presale-admin/pages/poster/index': { persona: 'u-butler-zhang', params: { id: 'pc-a-veg', ...A } },
    'packages/member/pages/card/index': { persona: 'u-wang', params: A, linked: true },
    'packages/member/pages/points/index': { persona: 'u-wang', params: A, linked: true },
    'packages/member/pages/coupons/index': { persona: 'u-wang', params: A, linked: true },
    'packages/member/pages/cards/index': { persona: 'u-wang', params: A, linked: true },
    'packages/member/pages/picker/index': { persona: 'u-wang', params: { campaignId: 'pc-a-veg', skuId: 's1', quantity: '1', ...A } },
    'packages/member/pages/templates/index': { persona: 'u-operator-wu' },
    'packages/member/pages/issue/index': { persona: 'u-operator-wu', params: { templateId: 'ct-demo-welcome', ...A } },
    'packages/member/pages/budgets/index': { persona: 'u-operator-wu' },
    'packages/member/pages/budget/index': { persona: 'u-operator-wu', params: { id: 'bg-demo-neighbour', ...A } },
    'packages/member/pages/rules/index': { persona: 'u-operator-wu' },
    'packages/service/pages/list/index': { persona: 'u-wang', params: A },
    'packages/service/pages/book/index': { persona: 'u-wang', params: { lineId: 'sl-a-clean', ...A } },
    'packages/service/pages/booking/index': { persona: 'u-wang', params: { id: 'bk-demo-past-1', ...A }, linked: true },
    'packages/service/pages/mine/index': { persona: 'u-wang', params: A, linked: true },
    'packages/service/pages/complaints/index': { persona: 'u-wang', params: A },
    'packages/service/pages/work-order/index': { persona: 'u-wang', params: { id: 'wo-demo-rate', ...A }, linked: true },
    'packages/service/pages/contact/index': { persona: 'u-wang', params: A, linked: true },
    'packages/service/pages/thank/index': { persona: 'u-wang', params: { bookingId: 'bk-demo-past-1', ...A } },
    'packages/service/pages/honor/index': { persona: 'u-wang', params: A, linked: true },
    'packages/service-staff/pages/jobs/index': { persona: 'u-worker-ma', linked: true },
    'packages/service-staff/pages/job/index': { persona: 'u-worker-ma', params: { id: m.workerBookingId, ...A }, linked: true },
    'packages/service-staff/pages/board/index': { persona: 'u-dispatch-lin' },
    'packages/service-staff/pages/reputation/index': { persona: 'u-operator-wu' },
    'packages/service-staff/pages/followups/index': { persona: 'u-butler-zhang' },
    'packages/service-staff/pages/complaints/index': { persona: 'u-butler-zhang' },
    'packages/service-staff/pages/work-orders/index': { persona: 'u-worker-niu', params: A },
    'packages/service-staff/pages/work-order/index': { persona: 'u-worker-niu', params: { id: 'wo-demo-leak', ...A }, linked: true },
    'packages/service-staff/pages/rewards/index': { persona: 'u-worker-ma', params: A, linked: true },
    'packages/insights-admin/pages/dashboard/index': { persona: 'u-operator-wu' },
    'packages/insights-admin/pages/churn/index': { persona: 'u-operator-wu' },
    'packages/insights-admin/pages/rules/index': { persona: 'u-operator-wu' },
    'packages/insights-admin/pages/segment/index': { persona: 'u-operator-wu', params: { need: 'save_money', ...A } },
    'packages/insights-admin/pages/replicate/index': { persona: 'u-operator-wu' }
  }
}
