import * as z from 'zod'

/**
 * Short codes people read off paper or a phone and type in (房屋码, 订单码). What they type is
 * made comparable first: full-width characters from a Chinese keyboard (Ａ１－), lower case,
 * spaces and the dash of the printed `XXXX-XXXX`. Look-alikes are not mapped: the alphabets leave
 * out both sides of each pair (0/O, 1/I), so a typed 0 could not stand for anything valid.
 * When the code still does not fit, the message says what a code is made of, which is what a
 * verifier needs to spot a misread character.
 */

const DIGITS = '0123456789'
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

export function normalizeTypedCode(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '')
}

/** 「数字 2-9 和字母组成，不含 0、1、I、O」 for the alphabets in use, derived so it stays true. */
export function alphabetText(alphabet: string): string {
  const digits = [...DIGITS].filter((d) => alphabet.includes(d))
  const letters = [...LETTERS].filter((l) => alphabet.includes(l))
  const first = digits[0]
  const last = digits[digits.length - 1]
  const contiguous = first !== undefined && last !== undefined && Number(last) - Number(first) === digits.length - 1
  const made = [
    digits.length === 0 ? '' : contiguous && digits.length > 2 ? `数字 ${first}-${last} ` : `数字 ${digits.join('、')} `,
    letters.length === 0 ? '' : '字母'
  ].filter(Boolean)
  const missing = [
    ...(digits.length ? [...DIGITS].filter((d) => !alphabet.includes(d)) : []),
    ...(letters.length ? [...LETTERS].filter((l) => !alphabet.includes(l)) : [])
  ]
  return `由${made.join('和')}组成${missing.length ? `，不含 ${missing.join('、')}` : ''}`
}

/** A typed code of `length` characters from `alphabet`, named `name` in every message. */
export function typedCode(name: string, length: number, alphabet: string) {
  const made = `${name}为 ${length} 位，${alphabetText(alphabet)}`
  return z
    .string()
    .transform(normalizeTypedCode)
    .pipe(
      z.string().superRefine((s, ctx) => {
        if (s.length === 0) ctx.addIssue({ code: 'custom', message: `请输入${name}` })
        else if (s.length !== length) ctx.addIssue({ code: 'custom', message: `${name}为 ${length} 位，已输入 ${s.length} 位` })
        else if ([...s].some((c) => !alphabet.includes(c))) ctx.addIssue({ code: 'custom', message: `${made}，请核对` })
      })
    )
    .meta({ label: name })
}
