import { ROLE_LABELS } from '../../cloudfunctions/contracts/roles'
import { COMMUNITY_A, PERSONAS, demoCodes } from '../seed/demo'

const COMMUNITY_NAMES: Record<string, string> = { [COMMUNITY_A]: '临苑社区', 'c-hexie': '和谐家园' }

/** An unbound household the newcomer persona can claim in a demo. */
export const DEMO_FREE_HOUSEHOLD = 'h-a3-102'

export function personaList(codePepper: string) {
  const codes = demoCodes(codePepper)
  const free = codes[DEMO_FREE_HOUSEHOLD] ?? ''
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
