import * as z from 'zod'
import { Id } from './common'
import { NEEDS } from './insights-labels'
import { NOTICE_AUDIENCES } from './message-kinds'

/** Who a notice or a survey is for: the whole community, some buildings, one grid, or a need segment. */
export const NoticeAudience = z
  .object({
    kind: z.enum(NOTICE_AUDIENCES, '请选择发布范围').meta({ label: '发布范围' }),
    buildingIds: z.array(Id).max(200, '最多选 200 栋').default([]).meta({ label: '楼栋' }),
    gridId: Id.optional().meta({ label: '网格' }),
    need: z.enum(NEEDS, '请选择人群').optional().meta({ label: '人群' })
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.kind === 'buildings' && a.buildingIds.length === 0) ctx.addIssue({ code: 'custom', path: ['buildingIds'], message: '请至少选择一栋楼' })
    if (a.kind === 'grid' && !a.gridId) ctx.addIssue({ code: 'custom', path: ['gridId'], message: '请选择网格' })
    if (a.kind === 'need' && !a.need) ctx.addIssue({ code: 'custom', path: ['need'], message: '请选择人群' })
  })
  .meta({ label: '发布范围' })
export type NoticeAudience = z.infer<typeof NoticeAudience>
