import type { AccessKeyDoc, AccessLogDoc, GateDoc, UsedCodeDoc, VisitorPassDoc, VisitorPassQuotaDoc } from './access/docs'
import type { BookingDoc, ComplaintDoc, FollowUpDoc, PraiseLetterDoc, RatingDoc, ServiceLineDoc, SlotClaimDoc, SlotCounterDoc, WorkerDoc } from './booking/docs'
import type { ChatDoc, ChatMessageDoc, SlaRuleDoc, WorkOrderDoc } from './desk/docs'
import type { PlateDoc } from './desk/plates'
import type { AdminDoc, AttemptDoc, BuildingDoc, CommunityDoc, CompanySetupDoc, ConsoleSessionDoc, ConsoleSignInDoc, GridDoc, HouseholdDoc, InboxDoc, InvitationDoc, JoinRequestDoc, MembershipDoc, StaffInvitationDoc, StaffRoleDoc, SubscriptionDoc, UserDoc } from './docs'
import type { EventDoc, FeedbackDoc, IdeaDoc, InviteDoc, ReminderDoc, RewardGrantDoc, SignupDoc, TicketKeyDoc, VisitDoc } from './event/docs'
import type { ArrearsCallDoc, BillDoc, BillingRunDoc, ChargeDoc, FeeItemDoc, FeeSettingsDoc } from './fee/docs'
import type { ButlerTaskDoc, ChurnCaseDoc, CommunitySnapshotDoc, DayMetricsDoc, DirtyDoc, EventTemplateDoc, FeeMonthDoc, FollowLogDoc, HouseholdStatsDoc, InsightsCursorDoc, OptOutDoc, ParkingIncomeDoc, ProfileDoc, PurchaseDoc, RevealLogDoc, RulesDoc } from './insights/docs'
import type { BudgetDoc, CardEventDoc, CouponBatchDoc, CouponClaimDoc, CouponDoc, CouponTemplateDoc, MemberAccountDoc, MemberRulesDoc, PointEntryDoc, RewardDoc, ServiceCardDoc } from './member/docs'
import type { BallotDoc, InboxMarkDoc, NoticeDoc, NoticeNudgeDoc, NoticeReadDoc, SmsBudgetDoc, SmsSendDoc, SmsSettingsDoc, SurveyDoc, SurveyResponseDoc, VoteDoc, VoteRollDoc } from './message/docs'
import type { CampaignDoc, CampaignStockDoc, CompetitorPriceDoc, DeliveryTaskDoc, OrderDoc, OrderInviteDoc, OrderQuotaDoc, OrderVisitDoc, PickupPointDoc, ProductDoc, ProposalDoc, ProposalInterestDoc, PurchaseOrderDoc, SupplierDoc } from './order/docs'
import type { ParcelCodeDoc, ParcelDoc, ParcelMonthDoc } from './parcel/docs'
import type { ParkingBlacklistDoc, ParkingCardDoc, ParkingEventDoc, ParkingLotDoc, ParkingPlateDoc, ParkingSessionDoc, ParkingSpaceDoc } from './parking/docs'
import type { LedgerDoc, PayNotificationDoc, PaymentAnomalyDoc, PaymentDoc, ReconciliationDoc, RefundDoc } from './payment/docs'
import type { PayableClaimDoc } from './payment/open-payments'
import type { CommissionEntryDoc, CommissionRuleDoc, CommissionStatementDoc } from './selling/docs'
import type { HonorRollDoc } from './selling/honor-docs'
import type { KitUseDoc, SellingKitDoc, SellingTargetDoc } from './selling/kit-docs'
import type { TransferDoc } from './selling/transfer-docs'
import type { GrantCounterDoc } from './subscribe-grants'
import type { AttemptDoc as TrainingAttemptDoc, CertificateDoc, CourseDoc, ProgressDoc } from './training/docs'

/**
 * The document type of every collection, so the store's reads and writes are typed by the
 * collection's name (`get('campaigns', id)` is a campaign). The kernel names no domain type: this
 * fills its {@link CollectionDocs} by declaration merging. `subscriptions` holds the grant
 * counters and the older one-row-per-grant rows side by side.
 */
declare module '../kernel/collections' {
  interface CollectionDocs {
    accessKeys: AccessKeyDoc
    accessLog: AccessLogDoc
    admins: AdminDoc
    arrearsCalls: ArrearsCallDoc
    attempts: AttemptDoc
    ballots: BallotDoc
    billingRuns: BillingRunDoc
    bills: BillDoc
    bookings: BookingDoc
    budgets: BudgetDoc
    buildings: BuildingDoc
    butlerTasks: ButlerTaskDoc
    campaignStock: CampaignStockDoc
    campaigns: CampaignDoc
    cardEvents: CardEventDoc
    charges: ChargeDoc
    chatMessages: ChatMessageDoc
    chats: ChatDoc
    churnCases: ChurnCaseDoc
    commissionEntries: CommissionEntryDoc
    commissionRules: CommissionRuleDoc
    commissionStatements: CommissionStatementDoc
    communities: CommunityDoc
    competitorPrices: CompetitorPriceDoc
    communitySnapshots: CommunitySnapshotDoc
    companySetup: CompanySetupDoc
    complaints: ComplaintDoc
    consoleSessions: ConsoleSessionDoc
    consoleSignIns: ConsoleSignInDoc
    couponBatches: CouponBatchDoc
    couponClaims: CouponClaimDoc
    couponTemplates: CouponTemplateDoc
    coupons: CouponDoc
    dayMetrics: DayMetricsDoc
    deliveryTasks: DeliveryTaskDoc
    eventFeedback: FeedbackDoc
    eventInvites: InviteDoc
    eventSignups: SignupDoc
    eventTemplates: EventTemplateDoc
    eventTicketKeys: TicketKeyDoc
    eventVisits: VisitDoc
    eventReminders: ReminderDoc
    events: EventDoc
    feeItems: FeeItemDoc
    feeMonths: FeeMonthDoc
    feeSettings: FeeSettingsDoc
    followLogs: FollowLogDoc
    followUps: FollowUpDoc
    gates: GateDoc
    grids: GridDoc
    honorRolls: HonorRollDoc
    householdProfiles: ProfileDoc
    householdStats: HouseholdStatsDoc
    households: HouseholdDoc
    inbox: InboxDoc
    inboxMarks: InboxMarkDoc
    insightRules: RulesDoc
    insightsCursors: InsightsCursorDoc
    insightsDirty: DirtyDoc
    invitations: InvitationDoc
    joinRequests: JoinRequestDoc
    kitUses: KitUseDoc
    ledger: LedgerDoc
    memberAccounts: MemberAccountDoc
    memberRules: MemberRulesDoc
    memberships: MembershipDoc
    noticeNudges: NoticeNudgeDoc
    noticeReads: NoticeReadDoc
    notices: NoticeDoc
    orderInvites: OrderInviteDoc
    orderQuotas: OrderQuotaDoc
    orderVisits: OrderVisitDoc
    orders: OrderDoc
    parcelCodes: ParcelCodeDoc
    parcelMonths: ParcelMonthDoc
    parcels: ParcelDoc
    parkingBlacklist: ParkingBlacklistDoc
    parkingCards: ParkingCardDoc
    parkingEvents: ParkingEventDoc
    parkingIncome: ParkingIncomeDoc
    parkingLots: ParkingLotDoc
    parkingPlates: ParkingPlateDoc
    parkingSessions: ParkingSessionDoc
    parkingSpaces: ParkingSpaceDoc
    payNotifications: PayNotificationDoc
    payableClaims: PayableClaimDoc
    paymentAnomalies: PaymentAnomalyDoc
    payments: PaymentDoc
    pickupPoints: PickupPointDoc
    plates: PlateDoc
    pointEntries: PointEntryDoc
    praiseLetters: PraiseLetterDoc
    products: ProductDoc
    proposalInterests: ProposalInterestDoc
    purchaseOrders: PurchaseOrderDoc
    proposals: ProposalDoc
    profileOptOuts: OptOutDoc
    purchases: PurchaseDoc
    ratings: RatingDoc
    reconciliations: ReconciliationDoc
    refunds: RefundDoc
    revealLog: RevealLogDoc
    rewardGrants: RewardGrantDoc
    rewards: RewardDoc
    sellingKits: SellingKitDoc
    sellingTargets: SellingTargetDoc
    serviceCards: ServiceCardDoc
    serviceIdeas: IdeaDoc
    serviceLines: ServiceLineDoc
    slaRules: SlaRuleDoc
    slotClaims: SlotClaimDoc
    slotCounters: SlotCounterDoc
    smsBudgets: SmsBudgetDoc
    smsSends: SmsSendDoc
    smsSettings: SmsSettingsDoc
    staffInvitations: StaffInvitationDoc
    staffRoles: StaffRoleDoc
    subscriptions: GrantCounterDoc | SubscriptionDoc
    suppliers: SupplierDoc
    surveyResponses: SurveyResponseDoc
    surveys: SurveyDoc
    trainingAttempts: TrainingAttemptDoc
    trainingCertificates: CertificateDoc
    trainingCourses: CourseDoc
    trainingProgress: ProgressDoc
    transfers: TransferDoc
    usedCodes: UsedCodeDoc
    users: UserDoc
    visitorPassQuotas: VisitorPassQuotaDoc
    visitorPasses: VisitorPassDoc
    voteRolls: VoteRollDoc
    votes: VoteDoc
    workOrders: WorkOrderDoc
    workers: WorkerDoc
  }
}
