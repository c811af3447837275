import { NEEDS } from '../contracts/insights-labels'

/**
 * The one map of collection names and the indexes each needs. The SQLite adapter creates them;
 * for CloudBase, `npm run build:functions` writes them to build/functions/collections.json and the
 * README says how to create them in the console.
 */
export interface IndexSpec {
  name: string
  fields: readonly string[]
  unique?: boolean
}

function def(indexes: IndexSpec[] = []): { indexes: readonly IndexSpec[] } {
  return { indexes }
}

/** One index per household need (五省): segments are listed by flag, see domain/insights/docs.ts. */
const NEED_INDEXES: IndexSpec[] = NEEDS.map((n) => ({ name: `by_need_${n}`, fields: ['communityId', `needFlags.${n}`, 'buildingId'] }))

export const COLLECTIONS = {
  communities: def(),
  buildings: def([{ name: 'by_community', fields: ['communityId', 'order'] }]),
  households: def([
    { name: 'by_building', fields: ['buildingId', 'room'] },
    { name: 'by_community', fields: ['communityId'] },
    { name: 'uniq_code', fields: ['codeHash'], unique: true },
    // The service desk finds a caller's home by room, by the ledger owner's phone (or its last four
    // digits, from a masked number) and by the owner's name.
    { name: 'by_room', fields: ['communityId', 'room'] },
    { name: 'by_owner_phone', fields: ['communityId', 'owner.phone'] },
    { name: 'by_owner_tail', fields: ['communityId', 'owner.phoneTail'] },
    { name: 'by_owner_name', fields: ['communityId', 'owner.name'] }
  ]),
  users: def([
    { name: 'uniq_openid', fields: ['openid'], unique: true },
    { name: 'by_phone', fields: ['phone'] },
    { name: 'by_phone_tail', fields: ['phoneTail'] }
  ]),
  /** `_id` is `${communityId}:${plate}`: a plate belongs to one household of a community (from its profile). */
  plates: def([{ name: 'by_household', fields: ['householdId'] }]),
  memberships: def([
    // The caller's memberships in one community are read on every request: the user, then the
    // community, so the index is chosen over by_community (which holds every member there).
    { name: 'by_user', fields: ['userId', 'communityId', 'status'] },
    { name: 'by_household', fields: ['householdId', 'status'] },
    { name: 'by_community', fields: ['communityId', 'status'] }
  ]),
  staffRoles: def([
    { name: 'by_user', fields: ['userId'] },
    { name: 'by_community', fields: ['communityId', 'role'] }
  ]),
  grids: def([
    { name: 'by_community', fields: ['communityId'] },
    { name: 'by_butler', fields: ['butlerUserId'] }
  ]),
  invitations: def([
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_status', fields: ['status', 'expiresAt'] }
  ]),
  staffInvitations: def([
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_community', fields: ['communityId', 'createdAt'] }
  ]),
  joinRequests: def([
    { name: 'by_community', fields: ['communityId', 'status'] },
    { name: 'by_user', fields: ['userId'] }
  ]),
  inbox: def([
    { name: 'by_user', fields: ['userId', 'createdAt'] },
    { name: 'by_user_unread', fields: ['userId', 'read', 'createdAt'] }
  ]),
  /** `_id` is the user's: when they last marked every message read (one write, however many). */
  inboxMarks: def(),
  // Notices (issue 15): one shared document per notice; a household's receipt is written when it reads.
  notices: def([{ name: 'by_community', fields: ['communityId', 'publishAt'] }]),
  /** `_id` is `${noticeId}:${householdId}`: the key itself keeps one receipt a household. */
  noticeReads: def([{ name: 'by_notice', fields: ['noticeId', 'buildingId'] }]),
  /** `_id` is `${noticeId}:${householdId}:${day}`: one nudge a household a day. */
  noticeNudges: def([{ name: 'by_notice', fields: ['noticeId', 'householdId'] }]),
  /** `_id` is the community's: whether it sends texts, and how many a month at most. Off unless saved on. */
  smsSettings: def(),
  /** `_id` is `${kind}:${ref}:${householdId}`: one text a household for each reminder or notice. */
  smsSends: def([{ name: 'by_community', fields: ['communityId', 'at'] }]),
  /** `_id` is `${communityId}:${month}`: the month's bounded counter of texts (kernel/counter.ts). */
  smsBudgets: def(),
  surveys: def([{ name: 'by_community', fields: ['communityId', 'closesAt'] }]),
  /** `_id` is `${surveyId}:${householdId}` or `${surveyId}:${userId}`: the key itself keeps one response. */
  surveyResponses: def([
    { name: 'by_survey', fields: ['surveyId', 'at'] },
    { name: 'by_household', fields: ['householdId', 'at'] }
  ]),
  votes: def([{ name: 'by_community', fields: ['communityId', 'closesAt'] }]),
  /** `_id` is `${voteId}:${buildingId}:${n}`: the units that may vote, fixed when the vote is made, at most 500 a document. */
  voteRolls: def([{ name: 'by_vote', fields: ['voteId', 'buildingId'] }]),
  /** `_id` is `${voteId}:${householdId}`: the key itself keeps one ballot a unit. */
  ballots: def([
    { name: 'by_vote', fields: ['voteId', 'buildingId'] },
    { name: 'by_owner', fields: ['voteId', 'ownerKey'] },
    { name: 'by_receipt', fields: ['voteId', 'receipt'] }
  ]),
  // Access control (issue 7). Keys and device secrets are sealed: see domain/access/seal.ts.
  /** `_id` is `${communityId}:${seq}`: the key itself makes a rotation race insert once. */
  accessKeys: def([{ name: 'by_community', fields: ['communityId', 'seq'] }]),
  /** `_id` is the device id the operator typed; unique across communities. */
  gates: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  visitorPasses: def([
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_household', fields: ['householdId', 'createdAt'] },
    { name: 'by_building', fields: ['communityId', 'buildingId', 'validFrom'] },
    { name: 'by_status', fields: ['status', 'validTo'] },
    // A barrier camera's plate finds the visitor pass that names it (smart parking).
    { name: 'by_plate', fields: ['communityId', 'plate', 'validTo'] }
  ]),
  /**
   * `_id` is the household id: its open visitor passes, counted under the cap with one
   * conditional update each (`active < cap`), and which passes hold a place (`holds.<key>`).
   */
  visitorPassQuotas: def(),
  accessLog: def([
    { name: 'by_household', fields: ['householdId', 'at'] },
    { name: 'by_gate', fields: ['gateId', 'at'] },
    { name: 'by_time', fields: ['at'] }
  ]),
  /** `_id` is the code's id (its MAC): a second insert of one code is a replay. */
  usedCodes: def([{ name: 'by_expiry', fields: ['expiresAt'] }]),
  /** `_id` is `${gateId}:${nonce}`: a device request is accepted once. */
  gateNonces: def([{ name: 'by_expiry', fields: ['expiresAt'] }]),
  // Fees and payments (issue 3)
  feeItems: def([{ name: 'by_community', fields: ['communityId', 'kind'] }]),
  feeSettings: def(),
  /** `_id` is `${communityId}:${period}`: one record per community and billing month. */
  billingRuns: def([{ name: 'by_community', fields: ['communityId', 'period'] }]),
  arrearsCalls: def([{ name: 'by_community', fields: ['communityId', 'at'] }]),
  charges: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  bills: def([
    { name: 'by_household', fields: ['householdId', 'status', 'dueAt'] },
    { name: 'by_community_period', fields: ['communityId', 'period', 'buildingId'] },
    { name: 'by_community_status', fields: ['communityId', 'status', 'dueAt'] }
  ]),
  payments: def([
    { name: 'uniq_out_trade_no', fields: ['outTradeNo'], unique: true },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'by_household', fields: ['householdId', 'createdAt'] },
    { name: 'by_status', fields: ['status', 'expiresAt'] },
    { name: 'by_community', fields: ['communityId', 'createdAt'] }
  ]),
  refunds: def([
    { name: 'uniq_out_refund_no', fields: ['outRefundNo'], unique: true },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'by_payment', fields: ['paymentId'] },
    { name: 'by_status', fields: ['status', 'createdAt'] },
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'by_cash_pending', fields: ['communityId', 'cash', 'status'] }
  ]),
  /** Append-only money movements: `_id` is the movement's source, so each is written once. */
  ledger: def([
    { name: 'by_payment', fields: ['paymentId'] },
    { name: 'by_community', fields: ['communityId', 'at'] },
    { name: 'by_booked', fields: ['communityId', 'bookedAt'] }
  ]),
  payNotifications: def([{ name: 'by_out_trade_no', fields: ['outTradeNo'] }]),
  /** `_id` is `${payableType}:${payableId}`: the one open payment of a payable (domain/payment/open-payments.ts). */
  payableClaims: def(),
  paymentAnomalies: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'open_by_community', fields: ['communityId', 'resolvedAt', 'createdAt'] }
  ]),
  reconciliations: def(),
  reminders: def([{ name: 'by_bill', fields: ['billId'] }]),
  subscriptions: def([{ name: 'by_user', fields: ['userId', 'template'] }]),
  // Events and service experience sessions (issue 6)
  events: def([
    { name: 'by_community', fields: ['communityId', 'startAt'] },
    { name: 'by_status', fields: ['status', 'startAt'] }
  ]),
  /** `_id` is `${eventId}:${householdId}:${slot}`: the key itself caps a household's seats. */
  eventSignups: def([
    { name: 'by_community_updated', fields: ['communityId', 'updatedAt'] },
    { name: 'by_event', fields: ['eventId', 'status', 'queueKey'] },
    { name: 'by_user', fields: ['userId', 'createdAt'] },
    { name: 'by_household', fields: ['householdId', 'eventId'] }
  ]),
  /** `_id` is `${eventId}:${ticketKey}`: a ticket's short-code key, unique within its event. */
  eventTicketKeys: def(),
  /** `_id` is `${signupId}:${kind}`: one reminder of each kind per sign-up. */
  eventReminders: def([{ name: 'by_event', fields: ['eventId'] }]),
  eventFeedback: def([
    { name: 'by_event', fields: ['eventId', 'createdAt'] },
    { name: 'by_community', fields: ['communityId', 'createdAt'] }
  ]),
  serviceIdeas: def([{ name: 'by_community', fields: ['communityId', 'status', 'createdAt'] }]),
  /** `_id` is `${eventId}:${butlerUserId}`; `token` is the ≤32-char poster scene. */
  eventInvites: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_butler', fields: ['butlerUserId', 'createdAt'] }
  ]),
  eventVisits: def([
    { name: 'by_invite', fields: ['inviteId'] },
    { name: 'by_user_event', fields: ['userId', 'eventId', 'lastAt'] }
  ]),
  /** `_id` is `${eventId}:${userId}:${kind}`: a reward is granted once per attendee. */
  rewardGrants: def([{ name: 'by_user', fields: ['userId', 'grantedAt'] }]),
  // Pre-sale and group-buy orders (issue 4)
  suppliers: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  /** 意向登记: open ones by when they close; a proposal's registrations. */
  proposals: def([
    { name: 'by_community_status', fields: ['communityId', 'status', 'closesAt'] },
    { name: 'by_community_created', fields: ['communityId', 'createdAt'] }
  ]),
  proposalInterests: def([{ name: 'by_proposal', fields: ['proposalId', 'updatedAt'] }]),
  /** 竞品价格: listed by when they were seen, and per product for the campaign editor. */
  competitorPrices: def([
    { name: 'by_community_seen', fields: ['communityId', 'seenAt'] },
    { name: 'by_product', fields: ['communityId', 'productId', 'seenAt'] }
  ]),
  products: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  /** 采购单: one per succeeded pre-sale (its supplier), listed newest first and by supplier. */
  purchaseOrders: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'by_supplier', fields: ['communityId', 'supplierId', 'createdAt'] }
  ]),
  pickupPoints: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  campaigns: def([
    { name: 'by_community', fields: ['communityId', 'endAt'] },
    { name: 'by_status', fields: ['status', 'endAt'] }
  ]),
  /** `_id` is `${campaignId}:${skuId}`: the stock counter, with the holding orders in `holds`. */
  campaignStock: def([{ name: 'by_campaign', fields: ['campaignId'] }]),
  /** `_id` is `${campaignId}:${householdId}`: the per-household limit counter, same shape. */
  orderQuotas: def([{ name: 'by_campaign', fields: ['campaignId'] }]),
  orders: def([
    { name: 'by_community_updated', fields: ['communityId', 'updatedAt'] },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'uniq_code', fields: ['code'], unique: true },
    { name: 'by_campaign', fields: ['campaignId', 'status'] },
    { name: 'by_household', fields: ['householdId', 'createdAt'] },
    { name: 'by_status', fields: ['status', 'expiresAt'] },
    { name: 'by_release', fields: ['releaseDue', 'updatedAt'] },
    { name: 'by_invite', fields: ['invitationId'] }
  ]),
  /** `_id` is `${campaignId}:${gridId}` (or `${campaignId}:pickup`): one task per grid. */
  deliveryTasks: def([
    { name: 'by_butler', fields: ['butlerUserId', 'deliveryDate'] },
    { name: 'by_campaign', fields: ['campaignId'] }
  ]),
  /** `_id` is `${campaignId}:${butlerUserId}`; `token` is the ≤32-char poster scene. */
  orderInvites: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'uniq_token', fields: ['token'], unique: true },
    { name: 'by_butler', fields: ['butlerUserId', 'createdAt'] }
  ]),
  orderVisits: def([
    { name: 'by_invite', fields: ['inviteId'] },
    { name: 'by_user_campaign', fields: ['userId', 'campaignId', 'lastAt'] },
    { name: 'by_user_campaign_first', fields: ['userId', 'campaignId', 'firstAt'] }
  ]),
  // Membership (issue 5). Journals (pointEntries, couponClaims, couponBatches, cardEvents,
  // rewards) are swept by state; see domain/member/journal.ts.
  /** `_id` is the community id. */
  memberRules: def(),
  /** `_id` is `${communityId}:${userId}`: the cached balance and the rolling figures. */
  memberAccounts: def([{ name: 'by_community', fields: ['communityId', 'level'] }]),
  /** `_id` is the entry's source (`pay:<outTradeNo>:<line>`, `checkout:<orderRef>`…): counted once. */
  pointEntries: def([
    { name: 'by_account', fields: ['target', 'at'] },
    { name: 'by_of', fields: ['of', 'kind'] },
    { name: 'by_state', fields: ['state', 'createdAt'] }
  ]),
  couponTemplates: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true }
  ]),
  coupons: def([
    { name: 'by_user', fields: ['userId', 'status', 'validTo'] },
    { name: 'by_template', fields: ['templateId', 'userId'] },
    { name: 'by_holder', fields: ['holder'] },
    { name: 'by_status', fields: ['status', 'validTo'] },
    { name: 'by_lock', fields: ['status', 'holdUntil'] }
  ]),
  /** `_id` is `claim:${couponId}`: one stock reservation per coupon. */
  couponClaims: def([{ name: 'by_state', fields: ['state', 'createdAt'] }]),
  couponBatches: def([
    { name: 'by_template', fields: ['templateId', 'createdAt'] },
    { name: 'by_state', fields: ['state', 'createdAt'] },
    { name: 'by_done', fields: ['done', 'createdAt'] }
  ]),
  serviceCards: def([
    { name: 'by_owner', fields: ['ownerUserId', 'communityId'] },
    { name: 'by_household', fields: ['householdId', 'status'] }
  ]),
  /** `_id` is `use:${cardId}:${bookingRef}` (or `restore:`/`transfer:`): a booking redeems once. */
  cardEvents: def([
    { name: 'by_card', fields: ['cardId', 'at'] },
    { name: 'by_state', fields: ['state', 'createdAt'] }
  ]),
  budgets: def([
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'by_event', fields: ['eventId'] },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true }
  ]),
  /** `_id` is `reward:${key}`: a grant charges its budget once. */
  rewards: def([
    { name: 'by_budget', fields: ['budgetId', 'at'] },
    { name: 'by_state', fields: ['state', 'createdAt'] }
  ]),
  // Home services, repairs and complaints (issue 8); see domain/booking/.
  serviceLines: def([{ name: 'by_community', fields: ['communityId', 'order'] }]),
  /** A worker profile (skills, hours) of a user holding the `worker` role in the community. */
  workers: def([
    { name: 'by_community', fields: ['communityId', 'name'] },
    { name: 'by_user', fields: ['userId', 'communityId'] }
  ]),
  /** `_id` is `${lineId}:${slotStart}`: `booked` rises under `booked < capacity`. */
  slotCounters: def([{ name: 'by_community', fields: ['communityId', 'slotStart'] }]),
  /** `_id` is `${workerId}:${slotStart}`: the key itself means a worker is never double-booked. */
  slotClaims: def([
    { name: 'by_community', fields: ['communityId', 'slotStart'] },
    { name: 'by_worker', fields: ['workerId', 'slotStart'] }
  ]),
  bookings: def([
    { name: 'by_community_updated', fields: ['communityId', 'updatedAt'] },
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'by_household', fields: ['householdId', 'slotStart'] },
    { name: 'by_worker', fields: ['workerId', 'slotStart'] },
    { name: 'by_community', fields: ['communityId', 'slotStart'] },
    { name: 'by_status', fields: ['status', 'holdUntil'] },
    { name: 'by_slot', fields: ['lineId', 'slotStart', 'status'] }
  ]),
  /** `_id` is the booking id: a booking is rated once. */
  ratings: def([
    { name: 'by_community_at', fields: ['communityId', 'at'] },
    { name: 'by_worker', fields: ['workerId', 'at'] },
    { name: 'by_household', fields: ['householdId', 'at'] }
  ]),
  /** `_id` is `rating:${bookingId}`: one follow-up per low rating. */
  followUps: def([{ name: 'by_butler', fields: ['communityId', 'butlerUserId', 'status', 'createdAt'] }]),
  /** `_id` is the booking id: one 表扬信 per booking, moderated before anyone else sees it. */
  praiseLetters: def([
    { name: 'by_status', fields: ['communityId', 'status', 'at'] },
    { name: 'by_worker', fields: ['workerId', 'status', 'at'] },
    { name: 'by_butler', fields: ['communityId', 'butlerUserId', 'status', 'at'] }
  ]),
  /** `_id` is `${communityId}:${month}`: one 光荣榜 a month (domain/selling/honor.ts). */
  honorRolls: def([{ name: 'by_community', fields: ['communityId', 'month'] }]),
  complaints: def([
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'by_community', fields: ['communityId', 'status', 'createdAt'] },
    { name: 'by_building', fields: ['communityId', 'buildingId', 'createdAt'] },
    { name: 'by_user', fields: ['userId', 'createdAt'] },
    { name: 'by_household', fields: ['householdId', 'createdAt'] }
  ]),
  // The service desk (issue 16); see domain/desk/docs.ts.
  workOrders: def([
    { name: 'uniq_idempotency', fields: ['idempotencyKey'], unique: true },
    { name: 'by_community', fields: ['communityId', 'createdAt'] },
    { name: 'by_status', fields: ['communityId', 'status', 'createdAt'] },
    { name: 'by_household', fields: ['householdId', 'createdAt'] },
    { name: 'by_assignee', fields: ['assigneeUserId', 'status', 'createdAt'] },
    // The SLA job reads what has come due; nothing pending is null and never matches.
    { name: 'by_alarm', fields: ['alarmAt'] }
  ]),
  /** `_id` is `${communityId}:${type}`: an operator's SLA for one work type. */
  slaRules: def(),
  /** `_id` is `${communityId}:${userId}`: one 客服 conversation a resident per community. */
  chats: def([{ name: 'by_community', fields: ['communityId', 'unanswered', 'lastAt'] }]),
  chatMessages: def([
    { name: 'by_chat', fields: ['chatId', 'at'] },
    { name: 'by_household', fields: ['householdId', 'at'] }
  ]),
  // Butler workspace and operator insights (issue 9); see domain/insights/docs.ts.
  /** `_id` is `order:${id}` / `booking:${id}`: a paid order or booking, normalised. */
  purchases: def([
    { name: 'by_household', fields: ['householdId', 'paidAt'] },
    { name: 'by_community_day', fields: ['communityId', 'day'] }
  ]),
  /** `_id` is the household id. */
  householdStats: def([
    { name: 'by_community', fields: ['communityId', 'atRisk'] },
    ...NEED_INDEXES
  ]),
  /** `_id` is `${communityId}:${day}`. */
  dayMetrics: def([{ name: 'by_community', fields: ['communityId', 'day'] }]),
  /** `_id` is the payment id: its parking lines, net of refunds (domain/insights/parking-income.ts). */
  parkingIncome: def([{ name: 'by_community_day', fields: ['communityId', 'day'] }]),
  /** `_id` is the community id. */
  communitySnapshots: def(),
  /** `_id` is `${communityId}:${period}`. */
  feeMonths: def([{ name: 'by_community', fields: ['communityId', 'period'] }]),
  /** `_id` is the community id. */
  insightsCursors: def(),
  /** `_id` is `h:${householdId}` / `d:${communityId}:${day}`: marked once, removed when recomputed. */
  insightsDirty: def([{ name: 'by_community', fields: ['communityId', 'kind'] }]),
  /** `_id` is the household id. */
  householdProfiles: def([{ name: 'by_community', fields: ['communityId'] }]),
  /** `_id` is the household id: profiling switched off by the household. */
  profileOptOuts: def([{ name: 'by_community', fields: ['communityId'] }]),
  /** `_id` is the community id. */
  insightRules: def(),
  churnCases: def([
    { name: 'by_community', fields: ['communityId', 'status', 'openedAt'] },
    { name: 'by_closed', fields: ['communityId', 'status', 'closedAt'] },
    { name: 'by_butler', fields: ['butlerUserId', 'status'] },
    { name: 'by_household', fields: ['householdId', 'openedAt'] }
  ]),
  followLogs: def([
    { name: 'by_household', fields: ['householdId', 'at'] },
    { name: 'by_butler', fields: ['butlerUserId', 'day'] },
    { name: 'by_community', fields: ['communityId', 'day'] }
  ]),
  /** `_id` is `${day}:${communityId}:${butlerUserId}:${kind}`: generated once a day. */
  butlerTasks: def([
    { name: 'by_butler', fields: ['butlerUserId', 'day'] },
    { name: 'by_community_butler', fields: ['communityId', 'butlerUserId', 'day'] },
    { name: 'by_community', fields: ['communityId', 'day'] }
  ]),
  // Parcels (快递代收, issue 16); see domain/parcel/docs.ts.
  parcels: def([
    // `${communityId}:${courier}:${trackingNo}`: the key itself refuses a tracking number registered twice.
    { name: 'uniq_tracking', fields: ['trackingKey'], unique: true },
    { name: 'uniq_qr', fields: ['qrToken'], unique: true },
    { name: 'by_community', fields: ['communityId', 'status', 'registeredAt'] },
    { name: 'by_picked', fields: ['communityId', 'pickedAt'] },
    // The insights pass reads new parcels per community from its cursor.
    { name: 'by_registered', fields: ['communityId', 'registeredAt'] },
    { name: 'by_household', fields: ['householdId', 'status', 'registeredAt'] },
    { name: 'by_butler', fields: ['deliveryButlerId', 'status', 'pickedAt'] },
    // The reminder job walks every community's waiting parcels by age.
    { name: 'by_status', fields: ['status', 'registeredAt'] }
  ]),
  /** `_id` is `${communityId}:${code}`: the pickup code held by one waiting parcel, reusable a week after pickup. */
  parcelCodes: def(),
  /** `_id` is `${householdId}:${month}`: the month's parcel count (kernel/counter.ts, one entry a parcel). */
  parcelMonths: def([{ name: 'by_community', fields: ['communityId', 'month'] }]),
  // Smart parking (issue 18); see domain/parking/docs.ts.
  parkingLots: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  /** `_id` is `${lotId}:${code}`; each space is the bounded counter of its plates. */
  parkingSpaces: def([
    { name: 'by_lot', fields: ['lotId', 'code'] },
    { name: 'by_household', fields: ['householdId'] }
  ]),
  /** `_id` is `${communityId}:${plate}`: a plate is registered by one household of a community. */
  parkingPlates: def([{ name: 'by_household', fields: ['householdId'] }]),
  parkingCards: def([
    { name: 'uniq_request', fields: ['requestKey'], unique: true },
    { name: 'by_plate', fields: ['lotId', 'plate', 'status', 'validTo'] },
    { name: 'by_household', fields: ['householdId', 'createdAt'] }
  ]),
  /** `_id` is `${lotId}:${plate}`. */
  parkingBlacklist: def([{ name: 'by_lot', fields: ['lotId', 'at'] }]),
  parkingSessions: def([
    // `${lotId}:${plate}` while open: one open session a plate a lot, whatever events race.
    { name: 'uniq_open', fields: ['openKey'], unique: true },
    { name: 'by_lot', fields: ['lotId', 'status', 'enteredAt'] },
    { name: 'by_plate', fields: ['lotId', 'plate', 'enteredAt'] },
    { name: 'by_community', fields: ['communityId', 'status', 'enteredAt'] },
    // A household's file lists the stays of its plates.
    { name: 'by_community_plate', fields: ['communityId', 'plate', 'enteredAt'] }
  ]),
  /** `_id` is `${gateId}:${eventId}` (`manual:${id}` for staff): a re-sent camera event is one event. */
  parkingEvents: def([
    { name: 'by_lot', fields: ['lotId', 'at'] },
    { name: 'by_exception', fields: ['communityId', 'exceptionOpen', 'at'] },
    { name: 'by_unmatched', fields: ['lotId', 'plate', 'direction', 'matched'] }
  ]),
  // Butler training (issue 20); see domain/training/docs.ts.
  trainingCourses: def([
    { name: 'by_community', fields: ['communityId', 'updatedAt'] },
    { name: 'by_line', fields: ['communityId', 'line', 'status'] },
    // `${userId}:${clientRequestId}`: a retried or double-tapped 新建 makes one course.
    { name: 'uniq_request', fields: ['requestKey'], unique: true }
  ]),
  /** `_id` is `${courseId}:${userId}`: which lessons a butler has read. */
  trainingProgress: def([{ name: 'by_user', fields: ['userId', 'communityId'] }]),
  /** `_id` is `${courseId}:${userId}:${clientRequestId}`: a retried submission is recorded once. */
  trainingAttempts: def([
    { name: 'by_user', fields: ['userId', 'communityId', 'at'] },
    { name: 'by_course', fields: ['courseId', 'at'] }
  ]),
  /** `_id` is `${courseId}:${userId}`: the key itself keeps one certificate a butler a course. */
  trainingCertificates: def([
    { name: 'by_community', fields: ['communityId', 'issuedAt'] },
    { name: 'by_user', fields: ['userId', 'communityId'] },
    { name: 'by_course', fields: ['courseId'] }
  ]),
  // Butler selling kits and daily targets (issue 20); see domain/selling/kit-docs.ts.
  /** `_id` is `${kind}:${refId}`: one kit a campaign or event, saved by a plain set. */
  sellingKits: def([{ name: 'by_community', fields: ['communityId', 'updatedAt'] }]),
  /** `_id` is `${userId}:${clientRequestId}` (a retry is one use); shares the server records are `share:${inviteId}:${random}`. */
  kitUses: def([
    { name: 'by_butler_day', fields: ['communityId', 'butlerUserId', 'day', 'what'] },
    { name: 'by_ref', fields: ['refId', 'day'] }
  ]),
  /** `_id` is the campaign id: each butler's daily selling targets while the campaign is live. */
  sellingTargets: def([{ name: 'by_community', fields: ['communityId', 'updatedAt'] }]),
  // Butler commission (issue 20); see domain/selling/docs.ts.
  commissionRules: def([{ name: 'by_community', fields: ['communityId', 'scope'] }]),
  commissionEntries: def([
    { name: 'by_butler_open', fields: ['communityId', 'butlerUserId', 'statementId', 'at'] },
    { name: 'by_order', fields: ['orderId'] },
    { name: 'by_statement', fields: ['statementId'] }
  ]),
  commissionStatements: def([
    { name: 'by_community', fields: ['communityId', 'month', 'status'] },
    { name: 'by_butler', fields: ['butlerUserId', 'month'] },
    // The transfer-sync job picks up approved statements whose payout never started (domain/selling/payouts.ts).
    { name: 'by_status', fields: ['status', 'updatedAt'] }
  ]),
  /**
   * WeChat Pay 商家转账 bills (domain/selling/transfer-docs.ts). `_id` is the out_bill_no, derived
   * from purpose, ref and attempt, so an attempt is one bill however often it is retried.
   */
  transfers: def([
    { name: 'by_ref', fields: ['purpose', 'refId'] },
    { name: 'by_state', fields: ['state', 'updatedAt'] },
    // A recipient's own cash rewards (selling.myTransfers, domain/selling/reward-transfers.ts).
    { name: 'by_user', fields: ['userId', 'communityId', 'purpose', 'createdAt'] }
  ]),
  /** Reusable session programmes, e.g. copied from a pilot community. */
  eventTemplates: def([{ name: 'by_community', fields: ['communityId', 'createdAt'] }]),
  revealLog: def([{ name: 'by_household', fields: ['householdId', 'at'] }]),
  /** Day counters of guesses (`${what}:${userId}:${day}`), swept two days on (domain/attempts.ts). */
  attempts: def([{ name: 'by_created', fields: ['createdAt'] }]),
  jobRuns: def(),
  /** Web console sign-ins waiting for a scan: short-lived, found by id only. */
  consoleSignIns: def(),
  /** Property-company administrators, by user id: few, found by id only. */
  admins: def(),
  /** One document, 'setup', once the setup code has made the first administrator. */
  companySetup: def(),
  /** `_id` is the session id, which is also the CloudBase custom-login user id. */
  consoleSessions: def([{ name: 'by_user', fields: ['userId', 'expiresAt'] }])
} as const

export type CollectionName = keyof typeof COLLECTIONS

/**
 * Each collection's document type, filled in by domain/collection-docs.ts through declaration
 * merging (the kernel names no domain type). A collection it leaves out reads as a bare document.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from the augmentation
export interface CollectionDocs {}

/** What every document has (the store's `Doc`, restated: the store imports this file). */
type AnyDoc = { _id: string }

/** The document type of collection `K` (`& AnyDoc` so generic code may read `_id`). */
export type DocOf<K extends CollectionName> = (K extends keyof CollectionDocs ? CollectionDocs[K] : AnyDoc) & AnyDoc

/** The collections whose documents are exactly `D`: what a generic engine (the journal) may be pointed at. */
export type CollectionOf<D> = { [K in CollectionName]: [DocOf<K>] extends [D] ? ([D] extends [DocOf<K>] ? K : never) : never }[CollectionName]

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[]
