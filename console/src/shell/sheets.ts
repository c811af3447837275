import Papa from 'papaparse'
import type * as ExcelJS from 'exceljs'
import { toCsv } from '@contracts/csv'
import { downloadBlob } from '../../../src/client/core/download'

export type Cells = unknown[]

/** exceljs is 860 KB: fetched the first time a clerk opens or saves a workbook, never before. */
async function excel(): Promise<typeof ExcelJS> {
  const mod: typeof ExcelJS & { default?: typeof ExcelJS } = await import('exceljs')
  return mod.default ?? mod
}

/**
 * A CSV file's text. Excel on a Chinese Windows saves CSV in GBK unless told otherwise, so a file
 * that is not valid UTF-8 is read as GBK rather than shown as mojibake.
 */
function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

export class SheetError extends Error {}

/** The first worksheet of an .xlsx, or a .csv, as rows of cells (the header row first). */
export async function readSheet(file: File): Promise<Cells[]> {
  const name = file.name.toLowerCase()
  const bytes = await file.arrayBuffer()
  if (name.endsWith('.csv') || name.endsWith('.txt')) {
    const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: 'greedy' })
    if (parsed.errors.some((e) => e.type === 'Quotes')) throw new SheetError(`第 ${(parsed.errors[0]?.row ?? 0) + 1} 行的引号没有闭合，请在 Excel 中另存为 CSV 后再试`)
    return parsed.data
  }
  if (name.endsWith('.xlsx')) {
    const { Workbook } = await excel()
    const wb = new Workbook()
    try {
      await wb.xlsx.load(bytes)
    } catch {
      throw new SheetError('这个文件打不开，请确认它是 Excel 的 .xlsx 文件')
    }
    const sheet = wb.worksheets[0]
    if (!sheet) throw new SheetError('这个工作簿里没有工作表')
    const rows: Cells[] = []
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      // exceljs numbers cells from 1; its values array keeps an empty slot 0.
      const values = Array.isArray(row.values) ? row.values.slice(1) : []
      rows[n - 1] = values
    })
    return Array.from(rows, (r) => r ?? [])
  }
  if (name.endsWith('.xls')) throw new SheetError('请在 Excel 中把这个 .xls 文件另存为 .xlsx 或 CSV 后再导入')
  throw new SheetError('请选择 .xlsx 或 .csv 文件')
}

type Row = readonly (string | number | null | undefined)[]

/** A table as a CSV file Excel opens directly (UTF-8 with BOM, formula-safe cells). */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly Row[]): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`)
}

/** The same table as an Excel workbook: a bold, frozen header and columns wide enough to read. */
export async function downloadXlsx(fileName: string, header: readonly string[], rows: readonly Row[]): Promise<void> {
  const { Workbook } = await excel()
  const wb = new Workbook()
  const sheet = wb.addWorksheet(fileName.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow([...header]).font = { bold: true }
  for (const r of rows) sheet.addRow(r.map((v) => v ?? ''))
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(header[i]?.length ?? 0, ...rows.map((r) => String(r[i] ?? '').length))
    col.width = Math.min(40, Math.max(8, longest * 2 + 2))
  })
  const out = await wb.xlsx.writeBuffer()
  downloadBlob(new Blob([out], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`)
}
