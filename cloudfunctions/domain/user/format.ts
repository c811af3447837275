import { createHash } from 'node:crypto'
import type { BuildingDoc, HouseholdDoc } from '../docs'

export function maskPhone(phone: string | undefined): string | null {
  if (!phone) return null
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

export function householdLabel(building: BuildingDoc | undefined, household: HouseholdDoc): string {
  return `${building?.name ?? ''} ${household.room}`.trim()
}

/** Household codes are stored only as a peppered hash; see HouseholdDoc.codeHash. */
export function hashHouseholdCode(pepper: string, normalizedCode: string): string {
  return createHash('sha256').update(`${pepper}:${normalizedCode}`).digest('hex')
}

export function formatHouseholdCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** The calendar day in Asia/Shanghai (UTC+8, no DST), used for daily limits. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)
}
