import { ROLE_LABELS } from '../../cloudfunctions/contracts/roles'
import type { Store } from '../../cloudfunctions/kernel/store'
import { COMMUNITY_A, PERSONAS, type Persona, demoCodes, user } from '../seed/demo'

const COMMUNITY_NAMES: Record<string, string> = { [COMMUNITY_A]: '临苑社区', 'c-hexie': '和谐家园' }

/** An unbound household the newcomer persona can claim in a demo. */
export const DEMO_FREE_HOUSEHOLD = 'h-a3-102'

/**
 * On an empty database (`npm start -- --empty`) there is no demo to sign in as: these are the
 * people of a company's first day, each a WeChat user with nothing yet, who sign in as new users.
 */
export const FIRST_DAY_PERSONAS: Persona[] = [
  { id: 'u-first-zhou', openid: 'dev-u-first-zhou', nickname: '周总', role: 'newcomer', communityId: '', summary: '物业公司负责人 · 持有初始化码' },
  { id: 'u-first-lin', openid: 'dev-u-first-lin', nickname: '林管家', role: 'newcomer', communityId: '', summary: '新入职的员工 · 等待邀请' },
  { id: 'u-first-sun', openid: 'dev-u-first-sun', nickname: '孙女士', role: 'newcomer', communityId: '', summary: '住户 · 拿到房屋码后绑定' }
]

/** The demo's personas where the demo was seeded, else the first day's. */
export async function personasOf(store: Store): Promise<Persona[]> {
  return (await store.get('users', PERSONAS[0]?.id ?? '')) ? PERSONAS : FIRST_DAY_PERSONAS
}

/**
 * A first-day persona is a WeChat user like any other; signing in as one makes its user record
 * under the persona's name (the mini-program would take it from the profile), once.
 */
export async function ensurePersonaUser(store: Store, p: Persona, now: number): Promise<void> {
  if (FIRST_DAY_PERSONAS.includes(p)) await store.insert('users', { ...user(p.id, p.nickname), createdAt: now, updatedAt: now })
}

/** The free demo household's code: it takes building the whole demo to know, so once per pepper. */
const freeCodes = new Map<string, string>()
function freeDemoCode(codePepper: string): string {
  let code = freeCodes.get(codePepper)
  if (code === undefined) {
    code = demoCodes(codePepper)[DEMO_FREE_HOUSEHOLD] ?? ''
    freeCodes.set(codePepper, code)
  }
  return code
}

export function personaList(codePepper: string, personas: readonly Persona[] = PERSONAS) {
  if (personas === FIRST_DAY_PERSONAS) return personas.map((p) => ({ id: p.id, nickname: p.nickname, role: p.role, roleLabel: '新用户', communityName: '', summary: p.summary }))
  const free = freeDemoCode(codePepper)
  return PERSONAS.map((p) => ({
    id: p.id,
    nickname: p.nickname,
    role: p.role,
    roleLabel: p.role === 'newcomer' ? '新用户' : ROLE_LABELS[p.role],
    communityName: COMMUNITY_NAMES[p.communityId] ?? '',
    summary: p.summary,
    ...(p.role === 'newcomer' ? { hint: `演示房屋码 ${free.slice(0, 4)}-${free.slice(4)}（3栋 102）` } : {})
  }))
}
