import type { bookingContracts } from '../../contracts/booking'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { ServiceLineDoc } from './docs'
import { lineView } from './views'

type C = typeof bookingContracts

/** The operator's photo of a service line, shown in the catalog and on its bookings. Withdrawn lines too: they may come back. */
export const saveLineCover: ActionHandler<C['saveLineCover']> = async ({ ports, actor }, input) => {
  const line = await ports.store.get<ServiceLineDoc>('serviceLines', input.lineId)
  if (!line || line.communityId !== actor.communityId) {
    return fail('BOOKING.LINE_NOT_FOUND', '服务项目不存在', [{ path: 'lineId', message: '服务项目不存在' }])
  }
  await ports.store.update('serviceLines', line._id, { set: { cover: input.cover } })
  return ok({ line: lineView({ ...line, cover: input.cover }) })
}
