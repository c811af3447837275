import * as z from 'zod'
import { EpochMs, Fen, Id, MultilineText, Text } from './common'
import { defineAction } from './define'
import { OptionalPhoto, PhotoId, photoList } from './photo'
import { NEEDS } from './insights-labels'
import { NeedTags } from './need-tags'
import { SERVICE_CATEGORIES } from './service-categories'

/**
 * Setting up home services from the console: the catalogue of service lines (what is offered,
 * its price, duration, checklist and how many bookings a slot takes) and the workers who do them
 * (skills, weekly hours, in-house or from a partner company).
 */
const FN = 'booking'

export const LINE_KINDS = ['service', 'repair'] as const
export const LINE_KIND_LABELS: Record<(typeof LINE_KINDS)[number], string> = { service: '到家服务', repair: '报修' }
const Minutes = z.number().int('请填写整数')

const LineDraft = z
  .object({
    name: Text.min(2, '请填写项目名称（至少 2 个字）').max(20, '最多 20 个字').meta({ label: '项目名称' }),
    category: z.enum(SERVICE_CATEGORIES, '请选择服务类别').meta({ label: '服务类别' }),
    kind: z.enum(LINE_KINDS, '请选择类型').meta({ label: '类型' }),
    description: MultilineText.max(200, '最多 200 个字').meta({ label: '服务说明' }),
    /** Null: quoted on site and paid after the service. */
    priceFen: z.number().int('价格最多到分').positive('价格须大于 0').max(10_000_00, '不超过 1 万元').nullable().meta({ label: '价格', money: true }),
    durationMin: Minutes.min(30, '至少 30 分钟').max(480, '最多 8 小时').meta({ label: '服务时长' }),
    freeUnderPropertyFee: z.boolean().meta({ label: '物业费包含' }),
    slotCapacity: z.number().int('请填写整数').min(1, '至少 1 单').max(20, '最多 20 单').meta({ label: '每时段接单上限' }),
    checklist: z
      .array(Text.min(2, '每项至少 2 个字').max(30, '每项最多 30 个字'))
      .min(1, '请至少写一项服务标准')
      .max(12, '最多 12 项')
      .meta({ label: '服务标准', measure: '项' }),
    /** The photo residents see on the line and on their bookings; none by default. */
    cover: OptionalPhoto.meta({ label: '封面' }),
    /** 五省 it serves: 为你推荐 matches them with the household's needs. */
    needs: NeedTags.meta({ label: '适合需求', measure: '项' }).default([]),
    active: z.boolean().meta({ label: '上架' })
  })
  .strict()
  .refine((l) => !(l.freeUnderPropertyFee && l.priceFen !== null), { path: ['priceFen'], message: '物业费包含的项目不另收费，请清空价格' })

const WorkHours = z
  .object({
    days: z.array(z.number().int().min(0).max(6)).min(1, '请至少选一天').max(7).meta({ label: '工作日', measure: '天' }),
    startMin: Minutes.min(0).max(24 * 60).meta({ label: '上班时间' }),
    endMin: Minutes.min(0).max(24 * 60).meta({ label: '下班时间' })
  })
  .strict()
  .refine((h) => h.endMin - h.startMin >= 120, { path: ['endMin'], message: '下班时间至少比上班晚 2 小时（一个预约时段）' })

const WorkerDraft = z
  .object({
    name: Text.min(2, '请填写姓名').max(20, '最多 20 个字').meta({ label: '姓名' }),
    phone: Text.regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号').meta({ label: '手机' }),
    partner: z.boolean().meta({ label: '合作单位' }),
    partnerCompany: Text.max(40, '最多 40 个字').meta({ label: '合作单位名称' }),
    skills: z.array(z.enum(SERVICE_CATEGORIES)).min(1, '请至少选一项技能').max(SERVICE_CATEGORIES.length).meta({ label: '技能', measure: '项' }),
    hours: WorkHours.meta({ label: '工作时间' }),
    /** Photos of certificates and licences (健康证, 电工证, 家政上岗证), kept with the profile for the office to check. */
    certificates: photoList(6).meta({ label: '资质证书', measure: '张' }),
    active: z.boolean().meta({ label: '接单中' })
  })
  .strict()
  .refine((w) => !w.partner || w.partnerCompany.length >= 2, { path: ['partnerCompany'], message: '请填写合作单位名称' })

const AdminLineView = z.object({
  id: Id,
  name: z.string(),
  category: z.enum(SERVICE_CATEGORIES),
  kind: z.enum(LINE_KINDS),
  description: z.string(),
  priceFen: Fen.nullable(),
  durationMin: z.number().int(),
  freeUnderPropertyFee: z.boolean(),
  slotCapacity: z.number().int(),
  checklist: z.array(z.string()),
  cover: PhotoId.nullable(),
  needs: z.array(z.enum(NEEDS)),
  active: z.boolean()
})
export type AdminLineView = z.infer<typeof AdminLineView>

const WorkerView = z.object({
  userId: Id,
  /** Null: the person holds the worker role but has no profile yet, so nothing is dispatched to them. */
  workerId: Id.nullable(),
  nickname: z.string(),
  name: z.string(),
  phone: z.string(),
  partner: z.boolean(),
  partnerCompany: z.string(),
  skills: z.array(z.enum(SERVICE_CATEGORIES)),
  hours: z.object({ days: z.array(z.number().int()), startMin: z.number().int(), endMin: z.number().int() }),
  certificates: z.array(PhotoId),
  active: z.boolean(),
  since: EpochMs
})
export type WorkerView = z.infer<typeof WorkerView>

export const bookingSetupContracts = {
  adminLines: defineAction({
    fn: FN,
    name: 'adminLines',
    summary: '运营查看全部服务项目（含已下架），含每时段接单上限与服务标准',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({ lines: z.array(AdminLineView) })
  }),
  saveLine: defineAction({
    fn: FN,
    name: 'saveLine',
    summary: '运营新建或修改服务项目：价格或上门报价、时长、服务标准、每时段接单上限、上下架',
    access: ['operator'],
    input: z.object({ id: Id.meta({ label: '服务项目' }).optional(), line: LineDraft.meta({ label: '服务项目' }) }).strict(),
    output: z.object({ id: Id })
  }),
  workers: defineAction({
    fn: FN,
    name: 'workers',
    summary: '运营、调度员查看服务师傅：技能、工作时间、所属单位；已有岗位但未建档的也列出',
    access: ['operator', 'dispatcher'],
    input: z.object({}).strict(),
    output: z.object({ workers: z.array(WorkerView) })
  }),
  saveWorker: defineAction({
    fn: FN,
    name: 'saveWorker',
    summary: '运营为有服务师傅岗位的人建档或修改：技能、每周工作时间、自有或合作单位、是否接单',
    access: ['operator'],
    input: z.object({ userId: Id.meta({ label: '服务师傅' }), worker: WorkerDraft.meta({ label: '师傅档案' }) }).strict(),
    output: z.object({ workerId: Id })
  })
} as const
