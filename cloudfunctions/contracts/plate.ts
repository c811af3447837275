import * as z from 'zod'

/**
 * Mainland plates (中华人民共和国机动车号牌), compared as written without spaces or dots:
 * - ordinary plates, 7 characters: province, issuing letter, five letters or digits (the last may
 *   be 挂/学/警), letters I and O never used;
 * - new-energy plates, 8 characters: province, issuing letter, then D/F and five characters
 *   (small cars, 沪AD12345) or five digits and D/F (large vehicles, 沪A12345D).
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const ORDINARY = `[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警]`
const NEW_ENERGY = `[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]`
const PLATE_RE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z](?:${ORDINARY}|${NEW_ENERGY})$`)

export const PLATE_MESSAGE = '车牌号格式不正确，例如 沪A12345，新能源车 沪AD12345'

/** `沪a 12345` and `沪A·12345` are the plate `沪A12345`. */
export function normalizePlateText(s: string): string {
  return s.replace(/[\s·.\-・]/g, '').toUpperCase()
}

export function isPlate(plate: string): boolean {
  return PLATE_RE.test(plate)
}

/** A plate as a person or a camera writes it, normalised, then checked. */
export const Plate = z
  .string()
  .max(16, PLATE_MESSAGE)
  .transform(normalizePlateText)
  .pipe(z.string().regex(PLATE_RE, PLATE_MESSAGE))
  .meta({ label: '车牌号' })
