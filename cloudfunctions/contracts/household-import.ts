/**
 * Importing a community's buildings and households from the office's spreadsheet. The rules live
 * here, shared: the console checks the whole file with them before anything is sent (so a room
 * repeated across pages is caught), and the office function checks each page again, as the
 * authority, before it writes.
 */
import { CONTROL } from './common'

/** Rows per call: one page is read, checked and written within one function run. */
export const IMPORT_PAGE_ROWS = 200
/** A list cut into the pages one call takes (import rows, households to print slips for). */
export function inPages<T>(items: readonly T[], size = IMPORT_PAGE_ROWS): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))
}

/** A file larger than this is split into communities or phases first. */
export const IMPORT_MAX_ROWS = 20_000

export const IMPORT_FIELDS = ['building', 'unit', 'room', 'area', 'ownerName', 'ownerPhone', 'parkingSpaces'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** A row as the file has it: every cell as text, and its line in the file (the header is line 1). */
export type RawHouseholdRow = { line: number } & Record<ImportField, string>

interface Column {
  label: string
  required: boolean
  /** Header spellings met in property companies' own sheets, compared without spaces and brackets. */
  aliases: readonly string[]
}

export const IMPORT_COLUMNS: Record<ImportField, Column> = {
  building: { label: '楼栋', required: true, aliases: ['楼栋', '楼号', '楼宇', '楼栋名称', '栋', '幢'] },
  unit: { label: '单元', required: false, aliases: ['单元', '单元号'] },
  room: { label: '房号', required: true, aliases: ['房号', '房间号', '室号', '门牌号', '房屋'] },
  area: { label: '建筑面积', required: true, aliases: ['建筑面积', '面积', '房屋面积', '产权面积'] },
  ownerName: { label: '业主姓名', required: false, aliases: ['业主姓名', '业主', '姓名', '产权人'] },
  ownerPhone: { label: '业主手机', required: false, aliases: ['业主手机', '手机', '手机号', '联系电话', '电话', '业主电话'] },
  parkingSpaces: { label: '租用车位', required: false, aliases: ['租用车位', '车位', '车位数'] }
}

/** The template the console offers for download: the headers in order, and two example rows. */
export const IMPORT_TEMPLATE_HEADER = ['楼栋', '单元', '房号', '建筑面积（㎡）', '业主姓名', '业主手机', '租用车位'] as const
export const IMPORT_TEMPLATE_EXAMPLE = [
  ['1栋', '1', '101', '89.50', '王建国', '13800001234', '1'],
  ['1栋', '1', '102', '112', '', '', '']
] as const

export const AREA_MIN_M2 = 5
export const AREA_MAX_M2 = 2000
export const PARKING_MAX = 10

const headerKey = (s: string) => s.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s\u3000]/g, '').toLowerCase()

export interface HeaderMatch {
  /** For each field, the column index in the file, or -1. */
  columns: Record<ImportField, number>
  /** Required columns the header lacks, by label. */
  missing: string[]
}

export function matchHeader(header: readonly string[]): HeaderMatch {
  const keys = header.map((h) => headerKey(String(h ?? '')))
  const columns = {} as Record<ImportField, number>
  const missing: string[] = []
  for (const field of IMPORT_FIELDS) {
    const col = IMPORT_COLUMNS[field]
    columns[field] = keys.findIndex((k) => col.aliases.some((a) => headerKey(a) === k))
    if (columns[field] < 0 && col.required) missing.push(col.label)
  }
  return { columns, missing }
}

/** Picks the fields out of a file's rows; `first` is the line of rows[0] (2 under a header row). */
export function rawRows(rows: readonly (readonly unknown[])[], columns: Record<ImportField, number>, first = 2): RawHouseholdRow[] {
  const out: RawHouseholdRow[] = []
  rows.forEach((cells, i) => {
    const cell = (f: ImportField) => (columns[f] < 0 ? '' : cellText(cells[columns[f]]))
    const row = { line: first + i } as RawHouseholdRow
    for (const f of IMPORT_FIELDS) row[f] = cell(f)
    // A blank line (often several at the end of a sheet) is not a row.
    if (IMPORT_FIELDS.some((f) => row[f] !== '')) out.push(row)
  })
  return out
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'boolean') return v ? '1' : '0'
  // Spreadsheet rich text and formula results.
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text?: unknown }[] }
    if (Array.isArray(o.richText)) return o.richText.map((r) => String(r.text ?? '')).join('').trim()
    if (o.result !== undefined) return cellText(o.result)
    if (o.text !== undefined) return cellText(o.text)
  }
  return ''
}

export interface HouseholdRow {
  line: number
  building: string
  /** `2单元`, or '' for a building without units. */
  unit: string
  room: string
  areaCm2: number
  ownerName: string
  ownerPhone: string
  parkingSpaces: number
}

export interface ImportProblem {
  line: number
  field: ImportField
  label: string
  message: string
}

const ROOM = /^[A-Za-z0-9][A-Za-z0-9-]{0,9}$/
const MOBILE = /^1[3-9]\d{9}$/
const AREA = /^\d{1,4}(\.\d{1,2})?$/

/** `1` → `1栋`; `1号楼`, `A座`, `1幢` stay as written. */
export function buildingName(s: string): string {
  const t = s.replace(/\s+/g, '')
  return /^\d{1,3}$/.test(t) ? `${Number(t)}栋` : t
}

/** `2` → `2单元`; '' stays ''. */
export function unitName(s: string): string {
  const t = s.replace(/\s+/g, '')
  return /^\d{1,2}$/.test(t) ? `${Number(t)}单元` : t
}

/** The key that makes a household one household: the same building, unit and room. */
export function roomKey(r: Pick<HouseholdRow, 'building' | 'unit' | 'room'>): string {
  return `${r.building}\n${r.unit}\n${r.room.toUpperCase()}`
}

export function roomText(r: Pick<HouseholdRow, 'building' | 'unit' | 'room'>): string {
  return [r.building, r.unit, r.room].filter(Boolean).join(' ')
}

function checkRow(raw: RawHouseholdRow): { row: HouseholdRow | null; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const bad = (field: ImportField, message: string) => problems.push({ line: raw.line, field, label: IMPORT_COLUMNS[field].label, message })
  for (const f of IMPORT_FIELDS) if (CONTROL.test(raw[f])) bad(f, '含有不可见的控制字符')

  const building = buildingName(raw.building)
  if (!building) bad('building', '请填写楼栋')
  else if (building.length > 20) bad('building', '楼栋名称最多 20 个字')

  const unit = unitName(raw.unit)
  if (unit.length > 10) bad('unit', '单元最多 10 个字')

  const room = raw.room.replace(/\s+/g, '')
  if (!room) bad('room', '请填写房号')
  else if (!ROOM.test(room)) bad('room', `房号「${room}」应为字母、数字或 -，如 302、B-1201`)

  let areaCm2 = 0
  const area = raw.area.replace(/\s+/g, '').replace(/(㎡|m2|平方米|平米)$/i, '')
  if (!area) bad('area', '请填写建筑面积（物业费与投票都按面积计）')
  else if (!AREA.test(area)) bad('area', `建筑面积「${raw.area}」应为数字，最多两位小数，如 89.5`)
  else {
    areaCm2 = Math.round(Number(area) * 100)
    if (areaCm2 < AREA_MIN_M2 * 100 || areaCm2 > AREA_MAX_M2 * 100) bad('area', `建筑面积 ${area} ㎡ 不在 ${AREA_MIN_M2}～${AREA_MAX_M2} ㎡ 之间`)
  }

  const ownerName = raw.ownerName.replace(/\s+/g, ' ')
  if (ownerName.length > 20) bad('ownerName', '业主姓名最多 20 个字')

  const ownerPhone = raw.ownerPhone.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '')
  if (ownerPhone && !MOBILE.test(ownerPhone)) bad('ownerPhone', `手机号「${raw.ownerPhone}」应为 11 位手机号码`)

  let parkingSpaces = 0
  const parking = raw.parkingSpaces.replace(/\s+/g, '')
  if (parking) {
    if (!/^\d{1,2}$/.test(parking) || Number(parking) > PARKING_MAX) bad('parkingSpaces', `租用车位应为 0～${PARKING_MAX} 的整数`)
    else parkingSpaces = Number(parking)
  }

  if (problems.length) return { row: null, problems }
  return { row: { line: raw.line, building, unit, room, areaCm2, ownerName, ownerPhone, parkingSpaces }, problems }
}

export interface CheckedRows {
  rows: HouseholdRow[]
  problems: ImportProblem[]
}

/**
 * Every row's problems, each naming its line and field; a room that repeats an earlier line is a
 * problem on the later one. `rows` holds only the rows without problems.
 */
export function checkHouseholdRows(raws: readonly RawHouseholdRow[]): CheckedRows {
  const rows: HouseholdRow[] = []
  const problems: ImportProblem[] = []
  const seen = new Map<string, number>()
  for (const raw of raws) {
    const checked = checkRow(raw)
    problems.push(...checked.problems)
    if (!checked.row) continue
    const key = roomKey(checked.row)
    const first = seen.get(key)
    if (first !== undefined) {
      problems.push({ line: raw.line, field: 'room', label: IMPORT_COLUMNS.room.label, message: `${roomText(checked.row)} 与第 ${first} 行重复` })
      continue
    }
    seen.set(key, raw.line)
    rows.push(checked.row)
  }
  return { rows, problems }
}
