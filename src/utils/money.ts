/** Money is integer fen everywhere; this is the one place it becomes yuan text. */
export function formatFen(fen: number, opts: { symbol?: boolean; trimZeros?: boolean } = {}): string {
  if (!Number.isInteger(fen)) throw new Error(`money must be integer fen, got ${fen}`)
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100).toLocaleString('en-US')
  const cents = String(abs % 100).padStart(2, '0')
  const body = opts.trimZeros && cents === '00' ? yuan : `${yuan}.${cents}`
  return `${sign}${opts.symbol === false ? '' : '¥'}${body}`
}

export function splitFen(fen: number): { sign: string; yuan: string; cents: string } {
  const text = formatFen(fen, { symbol: false })
  const sign = text.startsWith('-') ? '-' : ''
  const [yuan = '0', cents = '00'] = text.replace('-', '').split('.')
  return { sign, yuan, cents }
}
