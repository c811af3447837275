import * as z from 'zod'
import { defineAction } from './define'

const FN = 'office'

/** The steps between an empty community and inviting its residents, in the order they are done. */
export const GO_LIVE_STEPS = ['households', 'codes', 'grids', 'fees', 'billing', 'gates', 'pickup'] as const
export type GoLiveStep = (typeof GO_LIVE_STEPS)[number]
export const GO_LIVE_STEP_LABELS: Record<GoLiveStep, string> = {
  households: '导入楼栋与房屋',
  codes: '打印房屋码',
  grids: '划分网格、指派管家',
  fees: '设置收费项目',
  billing: '生成本月账单',
  gates: '登记门禁设备',
  pickup: '添加自提点'
}

export const goLiveContracts = {
  checklist: defineAction({
    fn: FN,
    name: 'checklist',
    summary: '运营查看上线检查：邀请住户之前还缺哪些（房屋、房屋码、网格与管家、收费项目与账单、门禁、自提点）',
    access: ['operator'],
    input: z.object({}).strict(),
    output: z.object({
      steps: z.array(
        z.object({
          key: z.enum(GO_LIVE_STEPS),
          done: z.boolean(),
          /** Needed before residents are invited; the others make the first weeks better. */
          required: z.boolean(),
          /** Where it stands, in a line: 已导入 200 户 / 还有 3 栋楼未划入网格. */
          detail: z.string()
        })
      ),
      /** Every required step is done: residents can be invited. */
      ready: z.boolean()
    })
  })
} as const
