import type { Context, HouseholdMembership, Me } from '../../contracts/user'
import { ROLE_LABELS, type StaffRole } from '../../contracts/roles'
import type { Store } from '../../kernel/store'
import { getMany } from '../../kernel/paging'
import type { UserDoc } from '../docs'
import { householdLabel, maskPhone } from './format'
import { buildingsOf, communityBuildings } from './labels'

const STAFF_ORDER = ['butler', 'staff', 'verifier', 'operator', 'finance', 'service', 'dispatcher', 'worker'] as const satisfies readonly StaffRole[]

/** Everything the mini-program needs about the caller in one read-only pass. */
export async function buildMe(store: Store, user: UserDoc): Promise<Me> {
  const [memberships, staff, admin] = await Promise.all([
    store.find('memberships', {
      where: { userId: user._id, status: 'active' },
      orderBy: [{ field: 'createdAt', dir: 'asc' }],
      limit: 100
    }),
    store.find('staffRoles', { where: { userId: user._id }, limit: 50 }),
    store.get('admins', user._id)
  ])
  // Households, the buildings of their communities and every community named: one round trip.
  const homeCommunities = memberships.map((m) => m.communityId)
  const [households, nearby, communities] = await Promise.all([
    getMany(store, 'households', memberships.map((m) => m.householdId)),
    communityBuildings(store, homeCommunities),
    getMany(store, 'communities', [...homeCommunities, ...staff.map((s) => s.communityId)])
  ])
  const buildings = await buildingsOf(store, households.values(), nearby)

  const homeList: HouseholdMembership[] = []
  const contexts: Context[] = []
  for (const m of memberships) {
    const h = households.get(m.householdId)
    const c = communities.get(m.communityId)
    if (!h || !c) continue
    const b = buildings.get(h.buildingId)
    const label = householdLabel(b, h)
    homeList.push({
      householdId: h._id,
      communityId: c._id,
      communityName: c.name,
      buildingName: b?.name ?? '',
      label,
      relation: m.relation,
      since: m.createdAt
    })
    contexts.push({ communityId: c._id, communityName: c.name, role: 'resident', householdId: h._id, label })
  }
  const sortedStaff = [...staff].sort((a, b) => STAFF_ORDER.indexOf(a.role) - STAFF_ORDER.indexOf(b.role))
  for (const s of sortedStaff) {
    const c = communities.get(s.communityId)
    if (!c) continue
    contexts.push({ communityId: c._id, communityName: c.name, role: s.role, label: ROLE_LABELS[s.role] })
  }

  const last = user.lastContext
  const current =
    (last &&
      contexts.find(
        (x) =>
          x.communityId === last.communityId &&
          x.role === last.role &&
          (x.role !== 'resident' || x.householdId === last.householdId)
      )) ||
    contexts[0] ||
    null

  return {
    user: { id: user._id, nickname: user.nickname, avatarUrl: user.avatarUrl, phoneMasked: maskPhone(user.phone) },
    households: homeList,
    contexts,
    current,
    admin: admin !== null
  }
}
