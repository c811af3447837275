import { toCsv } from '@contracts/csv'

/** Hands a table to the clerk as a CSV file Excel opens directly (UTF-8 with BOM, formula-safe cells). */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): void {
  const blob = new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName.endsWith('.csv') ? fileName : `${fileName}.csv`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
