import { createHash } from 'node:crypto'
import type { StaffRole } from '../../cloudfunctions/contracts/roles'
import { HOUSEHOLD_CODE_ALPHABET } from '../../cloudfunctions/contracts/user'
import type {
  BuildingDoc,
  AdminDoc,
  CommunityDoc,
  CompanySetupDoc,
  GridDoc,
  HouseholdDoc,
  MembershipDoc,
  StaffRoleDoc,
  UserDoc
} from '../../cloudfunctions/domain/docs'
import { hashHouseholdCode } from '../../cloudfunctions/domain/user/format'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A, COMMUNITY_B, DEMO_T0 } from './demo-ids'
import { seedFees } from './fees'
import { demoGates } from './access'
import { seedEvents } from './events'
import { seedPresale } from './presale'
import { seedMember } from './member'
import { bookingStaff, bookingUsers, seedBooking } from './booking'
import { seedMessages } from './messages'
import { seedParcels } from './parcels'
import { seedDesk } from './desk'
import { seedParking } from './parking'
import { seedInsights } from './insights'
import { seedTraining } from './training'
import { seedSelling } from './selling'
import { seedCommission } from './commission'

/**
 * The demo "model community" and a second community that proves data stays apart. Everything is
 * deterministic (ids, codes, openids) so tests, the e2e run and the login page can name it.
 */
export { DEMO_T0 }

export interface Persona {
  id: string
  openid: string
  nickname: string
  role: 'resident' | 'newcomer' | StaffRole
  communityId: string
  summary: string
}

export { COMMUNITY_A, COMMUNITY_B }

/** A code from a fixed sequence: unambiguous letters, stable across runs. */
export function demoCode(seed: number): string {
  const bytes = createHash('sha256').update(`linli-demo-household-${seed}`).digest()
  let code = ''
  for (let i = 0; i < 8; i++) code += HOUSEHOLD_CODE_ALPHABET[bytes[i]! % HOUSEHOLD_CODE_ALPHABET.length]
  return code
}

interface HouseholdSeed {
  doc: HouseholdDoc
  code: string
}

function households(communityId: string, building: BuildingDoc, floors: number, perFloor: number, seed0: number, pepper: string) {
  const out: HouseholdSeed[] = []
  let n = 0
  for (let f = 1; f <= floors; f++) {
    for (let r = 1; r <= perFloor; r++) {
      const room = `${f}0${r}`
      const code = demoCode(seed0 + n++)
      out.push({
        code,
        doc: {
          _id: `h-${building._id.slice(2)}-${room}`,
          communityId,
          buildingId: building._id,
          room,
          areaCm2: (80 + ((f * 7 + r * 13) % 60)) * 100 + (r * 37) % 100,
          // Every third household rents a parking space from the property.
          ...((f + r) % 3 === 0 || (f === 1 && r === 1) ? { parkingSpaces: 1 } : {}),
          // The office's ledger names an owner for most rooms, as an imported ledger would.
          ...(seed0 < 400 && (f + r) % 4 !== 0 ? { owner: ledgerOwner(seed0 + n) } : {}),
          codeHash: hashHouseholdCode(pepper, code),
          createdAt: DEMO_T0
        }
      })
    }
  }
  return out
}

const LEDGER_SURNAMES = ['周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨', '朱', '秦', '许', '何', '吕']
const LEDGER_GIVEN = ['建华', '丽娟', '国强', '秀兰', '志明', '海燕', '文斌', '桂英']

/** A ledger owner for a seeded room: a name and a phone that stay the same across seeds. */
function ledgerOwner(n: number): { name: string; phone: string; phoneTail: string } {
  const phone = `1370571${String(1000 + n).padStart(4, '0')}`
  return { name: `${LEDGER_SURNAMES[n % LEDGER_SURNAMES.length]!}${LEDGER_GIVEN[n % LEDGER_GIVEN.length]!}`, phone, phoneTail: phone.slice(7) }
}

export function user(id: string, nickname: string, phone?: string): UserDoc {
  return {
    _id: id,
    openid: `dev-${id}`,
    nickname,
    avatarUrl: '',
    ...(phone ? { phone, phoneTail: phone.slice(7) } : {}),
    createdAt: DEMO_T0,
    updatedAt: DEMO_T0
  }
}

export function buildDemo(pepper: string) {
  const communities: CommunityDoc[] = [
    { _id: COMMUNITY_A, name: '临苑社区', city: '杭州', address: '西湖区文一西路 88 号', createdAt: DEMO_T0 },
    { _id: COMMUNITY_B, name: '和谐家园', city: '杭州', address: '拱墅区丽水路 16 号', createdAt: DEMO_T0 + 1 }
  ]
  const buildings: BuildingDoc[] = [
    { _id: 'b-a1', communityId: COMMUNITY_A, name: '1栋', order: 1 },
    { _id: 'b-a2', communityId: COMMUNITY_A, name: '2栋', order: 2 },
    { _id: 'b-a3', communityId: COMMUNITY_A, name: '3栋', order: 3 },
    { _id: 'b-b1', communityId: COMMUNITY_B, name: 'A座', order: 1 }
  ]
  const [a1, a2, a3, b1] = buildings as [BuildingDoc, BuildingDoc, BuildingDoc, BuildingDoc]
  const hh = [
    ...households(COMMUNITY_A, a1, 5, 4, 100, pepper),
    ...households(COMMUNITY_A, a2, 5, 4, 200, pepper),
    ...households(COMMUNITY_A, a3, 4, 2, 300, pepper),
    ...households(COMMUNITY_B, b1, 3, 4, 400, pepper)
  ]
  // 王建国's own home: the ledger and his WeChat account agree, as they do for most owners.
  const wangHome = hh.find((h) => h.doc._id === 'h-a1-101')!.doc
  wangHome.owner = { name: '王建国', phone: '13800001111', phoneTail: '1111' }
  const users: UserDoc[] = [
    user('u-wang', '王建国', '13800001111'),
    user('u-li', '李秀英', '13800002222'),
    user('u-zhao', '赵晓雨'),
    user('u-newcomer', '陈新来'),
    user('u-butler-zhang', '张管家', '13900003333'),
    user('u-butler-liu', '刘管家', '13900004444'),
    user('u-staff-sun', '孙活动'),
    user('u-verifier-zhou', '周核销'),
    user('u-operator-wu', '吴运营'),
    user('u-finance-he', '何财务'),
    user('u-service-zhao', '赵客服'),
    user('u-b-resident', '钱多多'),
    user('u-b-butler', '郑管家'),
    ...bookingUsers()
  ]
  // Seeded residents: the first twelve households of 1栋 and 2栋 each have an owner, some family.
  const memberships: MembershipDoc[] = []
  const residentNames = ['周', '吴', '郑', '冯', '陈', '褚', '卫', '蒋', '沈', '韩', '杨', '朱', '秦', '尤', '许', '何', '吕', '施', '张', '孔', '曹', '严', '华', '金']
  const inA = hh.filter((h) => h.doc.communityId === COMMUNITY_A && h.doc.buildingId !== 'b-a3')
  inA.slice(0, 24).forEach((h, i) => {
    const u = user(`u-r${i + 1}`, `${residentNames[i] ?? '邻'}先生`)
    users.push(u)
    memberships.push(member(h.doc, u, 'owner'))
  })
  const home = hh.find((h) => h.doc._id === 'h-a1-101')!
  const home2 = hh.find((h) => h.doc._id === 'h-a2-302')!
  memberships.push(member(home.doc, users.find((u) => u._id === 'u-wang')!, 'owner'))
  memberships.push(member(home.doc, users.find((u) => u._id === 'u-li')!, 'family'))
  memberships.push(member(home2.doc, users.find((u) => u._id === 'u-wang')!, 'owner'))
  memberships.push(member(hh.find((h) => h.doc._id === 'h-a3-201')!.doc, users.find((u) => u._id === 'u-zhao')!, 'tenant'))
  memberships.push(member(hh.find((h) => h.doc._id === 'h-b1-101')!.doc, users.find((u) => u._id === 'u-b-resident')!, 'owner'))

  const staff: StaffRoleDoc[] = [
    staffRole(COMMUNITY_A, 'u-butler-zhang', 'butler'),
    staffRole(COMMUNITY_A, 'u-butler-liu', 'butler'),
    staffRole(COMMUNITY_A, 'u-staff-sun', 'staff'),
    staffRole(COMMUNITY_A, 'u-verifier-zhou', 'verifier'),
    staffRole(COMMUNITY_A, 'u-operator-wu', 'operator'),
    staffRole(COMMUNITY_A, 'u-finance-he', 'finance'),
    staffRole(COMMUNITY_A, 'u-service-zhao', 'service'),
    staffRole(COMMUNITY_B, 'u-b-butler', 'butler'),
    // The operator runs both communities: the switcher shows two contexts.
    staffRole(COMMUNITY_B, 'u-operator-wu', 'operator'),
    // Home services (issue 8): workers and a dispatcher.
    ...bookingStaff()
  ]
  const grids: GridDoc[] = [
    { _id: 'g-a-east', communityId: COMMUNITY_A, name: '东区网格', butlerUserId: 'u-butler-zhang', buildingIds: ['b-a1'] },
    { _id: 'g-a-west', communityId: COMMUNITY_A, name: '西区网格', butlerUserId: 'u-butler-liu', buildingIds: ['b-a2', 'b-a3'] },
    { _id: 'g-b-main', communityId: COMMUNITY_B, name: 'A座网格', butlerUserId: 'u-b-butler', buildingIds: ['b-b1'] }
  ]
  // Access control (issue 7): gates and the doors they open; see ./access.ts.
  const gates = demoGates(pepper, COMMUNITY_A, COMMUNITY_B)
  return { communities, buildings, households: hh, users, memberships, staff, grids, gates }
}

function member(h: HouseholdDoc, u: UserDoc, relation: MembershipDoc['relation']): MembershipDoc {
  return {
    _id: `${h._id}:${u._id}`,
    userId: u._id,
    householdId: h._id,
    communityId: h.communityId,
    relation,
    status: 'active',
    via: 'seed',
    createdAt: DEMO_T0
  }
}

function staffRole(communityId: string, userId: string, role: StaffRole): StaffRoleDoc {
  return { _id: `${communityId}:${userId}:${role}`, userId, communityId, role, createdAt: DEMO_T0 }
}

/** Household codes a demo user can type: the seed prints them and the dev login shows one. */
export function demoCodes(pepper: string): Record<string, string> {
  return Object.fromEntries(buildDemo(pepper).households.map((h) => [h.doc._id, h.code]))
}

export const PERSONAS: Persona[] = [
  { id: 'u-wang', openid: 'dev-u-wang', nickname: '王建国', role: 'resident', communityId: COMMUNITY_A, summary: '业主 · 1栋 101、2栋 302' },
  { id: 'u-li', openid: 'dev-u-li', nickname: '李秀英', role: 'resident', communityId: COMMUNITY_A, summary: '家庭成员 · 1栋 101' },
  { id: 'u-zhao', openid: 'dev-u-zhao', nickname: '赵晓雨', role: 'resident', communityId: COMMUNITY_A, summary: '租户 · 3栋 201' },
  { id: 'u-newcomer', openid: 'dev-u-newcomer', nickname: '陈新来', role: 'newcomer', communityId: COMMUNITY_A, summary: '新用户 · 尚未绑定房屋' },
  { id: 'u-butler-zhang', openid: 'dev-u-butler-zhang', nickname: '张管家', role: 'butler', communityId: COMMUNITY_A, summary: '网格管家 · 东区（1栋）' },
  { id: 'u-butler-liu', openid: 'dev-u-butler-liu', nickname: '刘管家', role: 'butler', communityId: COMMUNITY_A, summary: '网格管家 · 西区（2、3栋）' },
  { id: 'u-staff-sun', openid: 'dev-u-staff-sun', nickname: '孙活动', role: 'staff', communityId: COMMUNITY_A, summary: '活动专员' },
  { id: 'u-verifier-zhou', openid: 'dev-u-verifier-zhou', nickname: '周核销', role: 'verifier', communityId: COMMUNITY_A, summary: '核销员' },
  { id: 'u-operator-wu', openid: 'dev-u-operator-wu', nickname: '吴运营', role: 'operator', communityId: COMMUNITY_A, summary: '运营 · 临苑社区、和谐家园' },
  { id: 'u-b-resident', openid: 'dev-u-b-resident', nickname: '钱多多', role: 'resident', communityId: COMMUNITY_B, summary: '业主 · 和谐家园 A座 101' },
  { id: 'u-worker-ma', openid: 'dev-u-worker-ma', nickname: '马师傅', role: 'worker', communityId: COMMUNITY_A, summary: '服务师傅 · 家政保洁（自有）' },
  { id: 'u-worker-niu', openid: 'dev-u-worker-niu', nickname: '牛师傅', role: 'worker', communityId: COMMUNITY_A, summary: '维修师傅 · 水电、管道、家电（自有）' },
  { id: 'u-worker-hu', openid: 'dev-u-worker-hu', nickname: '胡师傅', role: 'worker', communityId: COMMUNITY_A, summary: '维修师傅 · 水电、管道、家电（合作单位）' },
  { id: 'u-dispatch-lin', openid: 'dev-u-dispatch-lin', nickname: '林调度', role: 'dispatcher', communityId: COMMUNITY_A, summary: '调度员 · 派单与改派' },
  { id: 'u-finance-he', openid: 'dev-u-finance-he', nickname: '何财务', role: 'finance', communityId: COMMUNITY_A, summary: '财务 · 收费、账单与对账' },
  { id: 'u-service-zhao', openid: 'dev-u-service-zhao', nickname: '赵客服', role: 'service', communityId: COMMUNITY_A, summary: '客服 · 房屋查询与投诉处理' }
]

export interface SeedReport {
  inserted: number
  skipped: number
}

/** The demo's company administrator (may create communities in the console). */
export const DEMO_ADMIN = 'u-operator-wu'

/** Idempotent: documents that already exist are left alone, so seeding twice changes nothing. */
/** `now` anchors the time-relative demo data (this month's bills); tests pass their clock. */
export async function seedDemo(store: Store, pepper: string, now: number = Date.now()): Promise<SeedReport> {
  const d = buildDemo(pepper)
  let inserted = 0
  let skipped = 0
  const put = async (coll: Parameters<Store['insert']>[0], docs: { _id: string }[]) => {
    for (const doc of docs) {
      const r = await store.insert(coll, doc)
      if (r.ok) inserted++
      else skipped++
    }
  }
  await put('communities', d.communities)
  await put('buildings', d.buildings)
  await put('households', d.households.map((h) => h.doc))
  await put('users', d.users)
  await put('memberships', d.memberships)
  await put('staffRoles', d.staff)
  // 吴运营 is the company's administrator: the demo's setup is done, as a running company's is.
  const admin: AdminDoc = { _id: DEMO_ADMIN, userId: DEMO_ADMIN, createdAt: now }
  const setup: CompanySetupDoc = { _id: 'setup', userId: DEMO_ADMIN, claimedAt: now }
  await put('admins', [admin])
  await put('companySetup', [setup])
  await put('grids', d.grids)
  const fees = await seedFees(store, d.households.map((h) => h.doc), now)
  inserted += fees.inserted
  skipped += fees.skipped
  await put('gates', d.gates)
  // Events (issue 6): demo events relative to `now`, with sign-ups, a waitlist scenario and feedback.
  const events = await seedEvents(store, pepper, now, d.memberships)
  inserted += events.inserted
  skipped += events.skipped
  // Pre-sales (issue 4): suppliers, products, a pickup point and campaigns relative to `now`.
  await seedPresale(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Membership (issue 5): rules, coupon templates, 王建国's points, coupons and a service card, a budget.
  await seedMember(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Home services (issue 8): service lines, workers and a dispatcher, past rated bookings, complaints.
  await seedBooking(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Insights (issue 9): five months of sales history; the nightly pass turns it into figures.
  await seedInsights(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Messages (issue 15): notices, their receipts, and a few inbox messages.
  await seedMessages(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Parcels (issue 16): waiting and collected parcels of 王建国's homes at the front desk.
  await seedParcels(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // The service desk (issue 16): work orders in every state, and a 微信客服 message waiting for an answer.
  await seedDesk(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Smart parking (issue 18): the underground lot, its spaces, 王建国's plates and monthly card.
  await seedParking(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Butler training (issue 20): a required 严选预售 course for the butlers of 临苑社区.
  await seedTraining(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Butler selling (issue 20): the 话术工具包 of the vegetable box, behind the course above.
  await seedSelling(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  // Commission (issue 20): 张管家's rule, last month's statement to approve and the month before's, paid.
  await seedCommission(store, now).then((r) => ((inserted += r.inserted), (skipped += r.skipped)))
  return { inserted, skipped }
}
