import * as z from 'zod'
import { ClientRequestId, EpochMs, Fen, Id, MultilineText, Text } from './common'
import { defineAction } from './define'
import { DELIVERY_MODES } from './order'
import { CLIENT_KIT_USES, KIT_KINDS, MAX_KIT_NOTES, MAX_KIT_SCRIPTS, SCRIPT_CHANNELS } from './selling-labels'
import { TRAINING_LINES } from './training-labels'

/**
 * The selling kit (话术工具包) of one campaign or event: scripts the operator writes for group
 * messages and door-to-door talks, and key facts read from the campaign or event itself, so they
 * never go stale. A butler sees it once they hold every required course of its line.
 */
const FN = 'selling'

const Count = z.number().int().nonnegative()

const KitKind = z.enum(KIT_KINDS, '请选择预售或活动').meta({ label: '类型' })
const KitRef = z.object({ kind: KitKind, refId: Id.meta({ label: '预售或活动' }) }).strict()

const ScriptInput = z
  .object({
    /** Kept across edits, so the uses recorded against a script still name it. */
    id: Id.optional().meta({ label: '话术' }),
    channel: z.enum(SCRIPT_CHANNELS, '请选择群发话术或上门话术').meta({ label: '话术类型' }),
    title: Text.min(1, '请填写话术标题').max(20, '话术标题最多 20 个字').meta({ label: '话术标题' }),
    text: MultilineText.min(1, '请填写话术内容').max(500, '话术内容最多 500 字').meta({ label: '话术内容' })
  })
  .strict()
export type KitScriptInput = z.input<typeof ScriptInput>

const ScriptView = z.object({ id: Id, channel: z.enum(SCRIPT_CHANNELS), title: z.string(), text: z.string() })

const AdminKit = z.object({
  kind: z.enum(KIT_KINDS),
  refId: Id,
  line: z.enum(TRAINING_LINES),
  scripts: z.array(ScriptView),
  notes: z.array(z.string()),
  version: z.number().int().positive(),
  updatedAt: EpochMs,
  updatedByName: z.string()
})
export type AdminKitT = z.infer<typeof AdminKit>

/** Key facts, read from the campaign or event when the kit is opened. */
const CampaignFacts = z.object({
  kind: z.literal('campaign'),
  minPriceFen: Fen,
  maxPriceFen: Fen,
  /** The highest catalog price, shown struck through when above the price. */
  originalFen: Fen,
  endAt: EpochMs,
  threshold: Count.nullable(),
  paidQuantity: Count,
  remaining: Count,
  unit: z.string(),
  deliveryMode: z.enum(DELIVERY_MODES),
  deliveryDate: EpochMs,
  pickupName: z.string().nullable()
})
const EventFacts = z.object({
  kind: z.literal('event'),
  startAt: EpochMs,
  endAt: EpochMs,
  venue: z.string(),
  seatsLeft: Count,
  signupClosesAt: EpochMs
})
const KitFacts = z.discriminatedUnion('kind', [CampaignFacts, EventFacts])
export type KitFactsT = z.infer<typeof KitFacts>

const UseCounts = z.object({ copy_script: Count, poster: Count, share: Count })
export type KitUseCountsT = z.infer<typeof UseCounts>

const Missing = z.array(z.object({ courseId: Id, title: z.string() }))

const KitRow = z.object({
  kind: z.enum(KIT_KINDS),
  refId: Id,
  title: z.string(),
  line: z.enum(TRAINING_LINES),
  cover: z.string().nullable(),
  /** When selling stops: a campaign's end, an event's sign-up close. */
  closesAt: EpochMs,
  open: z.boolean()
})
export type KitRowT = z.infer<typeof KitRow>

const ClosedKit = z.object({ open: z.literal(false), kind: z.enum(KIT_KINDS), refId: Id, title: z.string(), line: z.enum(TRAINING_LINES), missing: Missing })
const OpenKit = z.object({
  open: z.literal(true),
  kind: z.enum(KIT_KINDS),
  refId: Id,
  title: z.string(),
  line: z.enum(TRAINING_LINES),
  cover: z.string().nullable(),
  facts: KitFacts,
  scripts: z.array(ScriptView),
  notes: z.array(z.string()),
  /** The page that makes the butler's poster (it asks order.poster or event.invitePoster for the code). */
  posterPage: z.string(),
  /** The butler's own uses of this kit today (Asia/Shanghai). */
  today: UseCounts
})
export type OpenKitT = z.infer<typeof OpenKit>

export const sellingKitContracts = {
  saveKit: defineAction({
    fn: FN,
    name: 'saveKit',
    summary: '运营：保存预售或活动的话术工具包（群发话术、上门话术与补充要点）',
    access: ['operator'],
    input: KitRef.extend({
      scripts: z.array(ScriptInput).min(1, '请至少写一条话术').max(MAX_KIT_SCRIPTS, `话术最多 ${MAX_KIT_SCRIPTS} 条`).meta({ label: '话术', measure: '条' }),
      notes: z
        .array(Text.min(1, '要点不能为空').max(60, '每条要点最多 60 字'))
        .max(MAX_KIT_NOTES, `补充要点最多 ${MAX_KIT_NOTES} 条`)
        .default([])
        .meta({ label: '补充要点', measure: '条' }),
      clientRequestId: ClientRequestId
    }).strict(),
    output: AdminKit
  }),
  adminKit: defineAction({
    fn: FN,
    name: 'adminKit',
    summary: '运营：打开预售或活动的话术工具包编辑（还没有时为空）',
    access: ['operator'],
    input: KitRef,
    output: z.object({ title: z.string(), kit: AdminKit.nullable() })
  }),
  kits: defineAction({
    fn: FN,
    name: 'kits',
    summary: '管家：在售预售与即将开始的活动中有话术工具包的，含是否已通过必修课',
    access: ['butler'],
    input: z.object({}).strict(),
    output: z.object({ items: z.array(KitRow) })
  }),
  kit: defineAction({
    fn: FN,
    name: 'kit',
    summary: '管家：打开话术工具包；未完成本业务线必修课时只列出待学课程',
    access: ['butler'],
    input: KitRef,
    output: z.discriminatedUnion('open', [ClosedKit, OpenKit])
  }),
  recordUse: defineAction({
    fn: FN,
    name: 'recordUse',
    summary: '管家：记录一次复制话术或打开海报（同一请求只记一次）',
    access: ['butler'],
    input: KitRef.extend({
      what: z.enum(CLIENT_KIT_USES, '请选择复制话术或海报').meta({ label: '使用方式' }),
      scriptId: Id.optional().meta({ label: '话术' }),
      clientRequestId: ClientRequestId
    }).strict(),
    output: z.object({ at: EpochMs, today: UseCounts })
  })
} as const
