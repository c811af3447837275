/**
 * Plain constants of 表扬信 (a resident's praise of a worker after a done booking), no zod: the
 * resident's thank page, the console's moderation tab and the functions read the same labels.
 */
export const PRAISE_STATUSES = ['pending', 'approved', 'rejected'] as const
export type PraiseStatus = (typeof PRAISE_STATUSES)[number]
export const PRAISE_STATUS_LABELS: Record<PraiseStatus, string> = { pending: '待审核', approved: '已展示', rejected: '未通过' }

export const PRAISE_MIN = 2
export const PRAISE_MAX = 200

/** Links: a scheme, `www.` or a bare domain with a common suffix. */
const LINK = /(https?:\/\/|www\.|[a-z0-9-]+\.(com|cn|net|org|top|cc|io|me|xyz|vip|shop)\b)/i
/**
 * Phone numbers: a run of 7 or more digits, allowing spaces, dots and dashes between them
 * (138 0000 1111, 021-6666-8888). Praise never needs a number that long.
 */
const PHONE = /\d(?:[\s.\-－—]*\d){6,}/

/** Whether a letter carries a link or a phone number; such letters are refused before anything is stored. */
export function hasContact(text: string): boolean {
  return LINK.test(text) || PHONE.test(text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))
}
