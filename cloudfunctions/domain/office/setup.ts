import { createHash, timingSafeEqual } from 'node:crypto'
import type { officeContracts } from '../../contracts/office'
import type { ActionHandler } from '../../kernel/module'
import { fail, ok } from '../../kernel/result'
import type { AdminDoc, CommunityDoc, CompanySetupDoc, StaffRoleDoc } from '../docs'
import { giveAttemptBack, reserveAttempt } from '../attempts'
import { shanghaiDay } from '../user/format'
import { isAdmin } from './staff'

type C = typeof officeContracts

/**
 * Bringing the property company onto an empty database: the holder of the setup code becomes the
 * first administrator, and administrators create communities, each with its creator as operator.
 * From there the console sets the community up (buildings, households, staff, fees, ...).
 */

/** Wrong setup codes one person may type a day. */
const SETUP_ATTEMPTS_PER_DAY = 5

const SETUP_DONE_TEXT = '初始化码已使用过，请联系现有的管理员在电脑端为您开通'

function sameCode(a: string, b: string): boolean {
  // Compared as digests, so the comparison takes the same time whatever the lengths.
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(a), digest(b))
}

export const claimAdmin: ActionHandler<C['claimAdmin']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  const now = ports.clock.now()
  const used = await ports.store.get('companySetup', 'setup')
  // The first claimant asking again (a retry, or a crash before the admin record) completes it.
  if (used && used.userId !== userId) return fail('OFFICE.SETUP_DONE', SETUP_DONE_TEXT)
  if (!used) {
    const key = `setup:${userId}:${shanghaiDay(now)}`
    const attempt = await reserveAttempt(ports, key, SETUP_ATTEMPTS_PER_DAY)
    if (attempt === null) return fail('OFFICE.TOO_MANY_ATTEMPTS', `今天已输错 ${SETUP_ATTEMPTS_PER_DAY} 次初始化码，请明天再试`)
    if (!ports.setupCode || !sameCode(ports.setupCode, input.code)) {
      ports.log.warn('setup code refused', { userId })
      const hint = attempt.left > 0 ? `，今天还可尝试 ${attempt.left} 次` : '，今天已无尝试机会'
      return fail('OFFICE.SETUP_CODE_WRONG', `初始化码不正确${hint}`, [{ path: 'code', label: '初始化码', message: '初始化码不正确' }])
    }
    await giveAttemptBack(ports, key, attempt)
    const claim = await ports.store.insert('companySetup', { _id: 'setup', userId, claimedAt: now } satisfies CompanySetupDoc)
    // Lost the race: to someone else, or to this user's own double tap (which goes on as a retry).
    if (!claim.ok && (await ports.store.get('companySetup', 'setup'))?.userId !== userId) {
      return fail('OFFICE.SETUP_DONE', SETUP_DONE_TEXT)
    }
  }
  await ports.store.insert('admins', { _id: userId, userId, createdAt: now } satisfies AdminDoc)
  ports.log.info('company administrator set up', { userId })
  return ok({ done: true })
}

/**
 * A community's id from its name and city: asking twice (a double click, a retry) finds the first
 * one, while a company may run a 阳光花园 in two cities.
 */
function communityIdOf(name: string, city: string): string {
  return `c${createHash('sha256').update(`${city}\n${name}`).digest('base64url').slice(0, 12)}`
}

export const createCommunity: ActionHandler<C['createCommunity']> = async ({ ports, actor }, input) => {
  const userId = actor.user._id
  if (!(await isAdmin(ports.store, userId))) return fail('OFFICE.ADMIN_ONLY', '只有物业公司管理员可以创建社区')
  const now = ports.clock.now()
  const doc: CommunityDoc = { _id: communityIdOf(input.name, input.city), name: input.name, city: input.city, address: input.address, company: input.company, createdBy: userId, createdAt: now }
  const created = await ports.store.insert('communities', doc)
  if (!created.ok) {
    const existing = await ports.store.get('communities', doc._id)
    // Only its creator's own retry goes on (to the role below); anyone else chose a taken name.
    if (existing?.createdBy !== userId) return fail('OFFICE.COMMUNITY_EXISTS', `${input.city}已有名为「${input.name}」的社区`, [{ path: 'name', label: '社区名称', message: '已被使用' }])
  }
  const role: StaffRoleDoc = { _id: `${doc._id}:${userId}:operator`, userId, communityId: doc._id, role: 'operator', createdAt: now }
  await ports.store.insert('staffRoles', role)
  ports.log.info('community created', { communityId: doc._id, userId })
  return ok({ id: doc._id })
}
