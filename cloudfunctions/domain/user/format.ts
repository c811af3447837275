import { createHash } from 'node:crypto'
import type { BuildingDoc, HouseholdDoc } from '../docs'

export function maskPhone(phone: string | undefined): string | null {
  if (!phone) return null
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

/** The last four digits of a phone, kept beside it so a clerk can find a caller by a masked number. */
export function phoneTailOf(phone: string | undefined): string | null {
  return phone && /^\d{11}$/.test(phone) ? phone.slice(7) : null
}

/** 王建国 → 王*国, 李四 → 李*: enough for a clerk to recognise, not to copy. */
export function maskName(name: string | undefined): string | null {
  if (!name) return null
  const chars = [...name]
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** The room within its building: `2单元 302`, or `302` where there are no units. */
export function roomOf(household: Pick<HouseholdDoc, 'unit' | 'room'>): string {
  return household.unit ? `${household.unit} ${household.room}` : household.room
}

export function householdLabel(building: BuildingDoc | undefined, household: HouseholdDoc): string {
  return `${building?.name ?? ''} ${roomOf(household)}`.trim()
}

/** Marks a household with no code slip printed yet: see HouseholdDoc.codeHash. */
export function unissuedCodeHash(householdId: string): string {
  return `unissued:${householdId}`
}

/** Household codes are stored only as a peppered hash; see HouseholdDoc.codeHash. */
export function hashHouseholdCode(pepper: string, normalizedCode: string): string {
  return createHash('sha256').update(`${pepper}:${normalizedCode}`).digest('hex')
}

export function formatHouseholdCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** The calendar day in Asia/Shanghai, used for daily limits. */
export { shanghaiDay } from '../../contracts/shanghai'
