import { parseYuan } from '../../utils/money'

/** `68` or `68.5` yuan → 6850 fen; NaN when not a price (its callers check with Number.isNaN). */
export function yuanToFen(text: string): number {
  return parseYuan(text) ?? Number.NaN
}

/** A whole number from a text field; NaN otherwise. */
export function int(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN
}
