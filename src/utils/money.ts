export interface FenFormat {
  /** `¥` in front; default on. */
  symbol?: boolean
  /** Thousands separated (`1,234.50`); default on. Off for text a person edits. */
  grouping?: boolean
  /** Whole yuan without cents: `12` rather than `12.00`. */
  trimZeros?: boolean
  /** Shown as a deduction: the amount taken off, negated, its minus kept even for zero (`-¥8.00`). */
  minus?: boolean
}

/** Money is integer fen everywhere; this is the one place it becomes yuan text. */
export function formatFen(fen: number, opts: FenFormat = {}): string {
  if (!Number.isInteger(fen)) throw new Error(`money must be integer fen, got ${fen}`)
  const sign = (opts.minus ? fen >= 0 : fen < 0) ? '-' : ''
  const abs = Math.abs(fen)
  const whole = Math.floor(abs / 100)
  const yuan = opts.grouping === false ? String(whole) : whole.toLocaleString('en-US')
  const cents = String(abs % 100).padStart(2, '0')
  const body = opts.trimZeros && cents === '00' ? yuan : `${yuan}.${cents}`
  return `${sign}${opts.symbol === false ? '' : '¥'}${body}`
}

/** The text a yuan field starts from (`6850` → `68.50`, `6800` → `68`): what parseYuan reads back. */
export function yuanInput(fen: number): string {
  return formatFen(fen, { symbol: false, grouping: false, trimZeros: true })
}

export function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  const text = formatFen(fen, { symbol: false })
  const sign = text.startsWith('-') ? '-' : ''
  const [yuan = '0', cents = '00'] = text.replace('-', '').split('.')
  return { sign, yuan, cents }
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖'
const UNITS = ['', '拾', '佰', '仟']
const SECTIONS = ['', '万', '亿']

/** 人民币大写, as printed on receipts: 12345.60 → 壹万贰仟叁佰肆拾伍元陆角整. */
export function fenToChineseUpper(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new Error(`money must be non-negative integer fen, got ${fen}`)
  if (fen === 0) return '零元整'
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor((fen % 100) / 10)
  const cents = fen % 10
  let out = ''
  if (yuan > 0) {
    const sections: number[] = []
    for (let y = yuan; y > 0; y = Math.floor(y / 10_000)) sections.push(y % 10_000)
    let needZero = false
    for (let s = sections.length - 1; s >= 0; s--) {
      const sec = sections[s]!
      if (sec === 0) {
        needZero = out !== ''
        continue
      }
      if (needZero || (out !== '' && sec < 1000)) out += '零'
      needZero = false
      let zero = false
      for (let d = 3; d >= 0; d--) {
        const digit = Math.floor(sec / 10 ** d) % 10
        if (digit === 0) {
          zero = out !== '' && d < 3 && Math.floor(sec / 10 ** d) > 0
          continue
        }
        if (zero) out += '零'
        zero = false
        out += DIGITS[digit]! + UNITS[d]!
      }
      out += SECTIONS[s]!
    }
    out += '元'
  }
  if (jiao === 0 && cents === 0) return `${out}整`
  if (jiao > 0) out += `${DIGITS[jiao]!}角`
  else if (yuan > 0) out += '零'
  if (cents > 0) out += `${DIGITS[cents]!}分`
  else out += '整'
  return out
}

/** Yuan typed by a person (`68`, `68.5`, `68.50`) → integer fen; anything else is null. */
export function parseYuan(text: string): number | null {
  const t = text.trim()
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null
  const [y = '0', c = ''] = t.split('.')
  return Number(y) * 100 + Number(c.padEnd(2, '0'))
}
