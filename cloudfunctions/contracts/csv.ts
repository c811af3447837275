/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as GBK and shows
 * mojibake), CRLF rows, RFC 4180 quoting. A cell that starts like a formula gets a leading
 * apostrophe, so a resident's answer cannot run as a formula on the operator's machine.
 */
export const BOM = '\uFEFF'

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
