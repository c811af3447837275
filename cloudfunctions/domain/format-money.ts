/** Yuan text for server-written messages (inbox, subscribe messages); the UI uses its own Price. */
export function formatFenText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
