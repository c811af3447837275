import Taro from '@tarojs/taro'
import { PLATE_MESSAGE, isPlate, normalizePlateText } from '@contracts/plate'

/** The provinces a plate can start with, in the order drivers look for them (as on WeChat's own plate pickers). */
export const PROVINCES = [...'京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼']

/** Until this phone has used a plate, the picker opens on the demo city's province. */
const DEFAULT_PROVINCE = '沪'

/**
 * The plate this phone last looked up or registered: the pay page finds the same car without
 * typing, and every plate input opens on that plate's province (most of a driver's plates, and
 * most of a community's, share one).
 */
const LAST_PLATE_KEY = 'linli.parkingPlate'

export function lastPlate(): string {
  const v = Taro.getStorageSync(LAST_PLATE_KEY) as unknown
  return typeof v === 'string' ? v : ''
}

export function rememberPlate(plate: string): void {
  Taro.setStorageSync(LAST_PLATE_KEY, plate)
}

function usualProvince(): string {
  const first = lastPlate().slice(0, 1)
  return PROVINCES.includes(first) ? first : DEFAULT_PROVINCE
}

export interface PlateDraft {
  province: string
  rest: string
}

/** A plate from a link or a record, split for the input; an unknown first character keeps the default province. */
export function draftOf(plate: string): PlateDraft {
  const p = normalizePlateText(plate)
  const first = p.slice(0, 1)
  return PROVINCES.includes(first) ? { province: first, rest: p.slice(1) } : { province: usualProvince(), rest: p }
}

/** An empty input, on the province of the household's own plates when it has some, else of this phone's last plate. */
export const emptyDraft = (known: readonly string[] = []): PlateDraft => {
  const own = known.map((p) => p.slice(0, 1)).find((c) => PROVINCES.includes(c))
  return { province: own ?? usualProvince(), rest: '' }
}

/**
 * The plate as the server will read it, or the contract's own message: checked here by the same
 * rule (contracts/plate.ts) so a mistyped plate is told at once, without a round trip.
 */
export function checkPlate(d: PlateDraft): { plate: string; error: null } | { plate: null; error: string } {
  const rest = normalizePlateText(d.rest)
  if (rest === '') return { plate: null, error: '请输入车牌号' }
  // Typed whole, province and all, it is read as typed rather than behind the picked province.
  const plate = PROVINCES.includes(rest.slice(0, 1)) ? rest : `${d.province}${rest}`
  return isPlate(plate) ? { plate, error: null } : { plate: null, error: PLATE_MESSAGE }
}
