/**
 * `npm run bench -- golive`: a community's 3,000 households from the office's CSV, as the console
 * does it, into a file-backed SQLite store as the local server runs it. The file is parsed with
 * papaparse and checked whole with the shared rules, then sent in pages of 200 through the real
 * request path (envelope, identity, role, zod, domain): every page previewed, then applied. A
 * second file with known bad rows must have exactly those rejected; importing the clean file again
 * must create nothing. Raw inserts of the same documents are timed in the same run, so the import
 * rate reads as a ratio on this machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import Papa from 'papaparse'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import { toCsv } from '../cloudfunctions/contracts/csv'
import type { ApiResponse } from '../cloudfunctions/contracts/errors'
import { IMPORT_TEMPLATE_HEADER, type RawHouseholdRow, checkHouseholdRows, inPages, matchHeader, rawRows } from '../cloudfunctions/contracts/household-import'
import type { CommunityDoc, HouseholdDoc, StaffRoleDoc, UserDoc } from '../cloudfunctions/domain/docs'
import { createMain } from '../cloudfunctions/kernel/main'
import { findAll } from '../cloudfunctions/kernel/paging'
import { officeModule } from '../cloudfunctions/office/module'
import { type LocalContext, localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'

const HOUSEHOLDS = 3000
const COMMUNITY = 'c-golive'
const OPERATOR = 'bench-operator'
/** Lines of the bad file that are wrong, each in a different way. */
const BAD_LINES: Record<number, (cells: string[]) => void> = {
  10: (c) => (c[3] = '约90'),
  250: (c) => (c[5] = '1380013800'),
  777: (c) => (c[2] = ''),
  1500: (c) => (c[3] = '0.5'),
  2222: (c) => (c[6] = '十'),
  2999: (c) => (c[0] = '')
}

/** 3,000 rooms: 25 buildings of 2 units, 30 floors, 2 rooms a floor, as an office sheet has them. */
function sheet(bad: boolean): string {
  const rows: string[][] = []
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const building = Math.floor(i / 120) + 1
    const unit = Math.floor((i % 120) / 60) + 1
    const floor = Math.floor((i % 60) / 2) + 1
    const cells = [`${building}栋`, String(unit), `${floor}0${(i % 2) + 1}`, (70 + (i % 90) + 0.5).toFixed(2), i % 3 ? '' : '王建国', i % 3 ? '' : `139${String(10_000_000 + i).slice(0, 8)}`, i % 7 ? '' : '1']
    const line = i + 2
    if (bad) BAD_LINES[line]?.(cells)
    rows.push(cells)
  }
  return toCsv(IMPORT_TEMPLATE_HEADER, rows)
}

/** What the console does with a chosen file before anything is sent. */
function readFile(csv: string): { rows: RawHouseholdRow[]; rejectedLines: Set<number> } {
  const [header = [], ...body] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' }).data
  const match = matchHeader(header)
  if (match.missing.length) throw new Error(`header misses ${match.missing.join(', ')}`)
  const rows = rawRows(body, match.columns)
  const { problems } = checkHouseholdRows(rows)
  return { rows, rejectedLines: new Set(problems.map((p) => p.line)) }
}

function data<T>(res: unknown): T {
  const r = res as ApiResponse<T>
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data
}

async function rawInsertRate(docs: readonly HouseholdDoc[]): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-golive-raw-'))
  const store = new SqliteStore(path.join(dir, 'raw.db'))
  try {
    const started = performance.now()
    for (const d of docs) await store.insert('households', { ...d, _id: `raw-${d._id}`, codeHash: `raw-${d.codeHash}` })
    return docs.length / ((performance.now() - started) / 1000)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-golive-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    const now = Date.now()
    await store.insert('communities', { _id: COMMUNITY, name: '上线压测社区', city: '杭州', address: '', createdAt: now } satisfies CommunityDoc)
    await store.insert('users', { _id: 'u-op', openid: OPERATOR, nickname: '运营', avatarUrl: '', createdAt: now, updatedAt: now } satisfies UserDoc)
    await store.insert('staffRoles', { _id: `${COMMUNITY}:u-op:operator`, userId: 'u-op', communityId: COMMUNITY, role: 'operator', createdAt: now } satisfies StaffRoleDoc)
    const ports = localPorts({ store, codePepper: 'bench-pepper-0123456789', log: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    const main = createMain(officeModule, localRuntime(ports))
    let n = 0
    const importPage = async (rows: RawHouseholdRow[], dryRun: boolean) =>
      data<{ created: number; updated: number; unchanged: number; problems: unknown[] }>(
        await main({ action: 'importHouseholds', input: { rows, dryRun, newBuildings: true }, communityId: COMMUNITY }, { request_id: `g-${++n}`, identity: { openid: OPERATOR, source: 'dev' } } satisfies LocalContext)
      )

    // The bad file: the console's check names exactly the planted rows, and the server agrees.
    const badFile = readFile(sheet(true))
    const expected = Object.keys(BAD_LINES).map(Number)
    const clean = badFile.rows.filter((r) => !badFile.rejectedLines.has(r.line))
    let serverRejected = 0
    for (const page of inPages(clean)) serverRejected += (await importPage(page, true)).problems.length

    // The clean file, timed as the clerk waits for it: read, checked, previewed, applied.
    const csv = sheet(false)
    const started = performance.now()
    const file = readFile(csv)
    const pages = inPages(file.rows)
    let previewCreated = 0
    for (const page of pages) previewCreated += (await importPage(page, true)).created
    let created = 0
    for (const page of pages) created += (await importPage(page, false)).created
    const importSeconds = (performance.now() - started) / 1000

    let reimportCreated = 0
    let reimportUnchanged = 0
    for (const page of pages) {
      const r = await importPage(page, false)
      reimportCreated += r.created
      reimportUnchanged += r.unchanged
    }
    const stored = await findAll(store, 'households', { communityId: COMMUNITY })
    const rawPerSecond = await rawInsertRate(stored)
    const importedPerSecond = HOUSEHOLDS / importSeconds
    return {
      households: stored.length,
      created,
      previewCreated,
      importSeconds: round(importSeconds, 2),
      importTargetSeconds: 60,
      pages: pages.length,
      reimportCreated,
      reimportUnchanged,
      rowsRejected: badFile.rejectedLines.size,
      rowsRejectedExpected: expected.length,
      rejectedLinesMatch: expected.every((l) => badFile.rejectedLines.has(l)) && badFile.rejectedLines.size === expected.length ? 'yes' : 'no',
      serverRejectedOfClean: serverRejected,
      rawInsertsPerSecond: round(rawPerSecond, 0),
      importedPerSecond: round(importedPerSecond, 0),
      importToRawRatio: round(importedPerSecond / rawPerSecond, 3)
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as { households: number; importSeconds: number; reimportCreated: number; rowsRejected: number; rowsRejectedExpected: number; rawInsertsPerSecond: number; importedPerSecond: number; importToRawRatio: number }
  return {
    households: x.households,
    'importSeconds (target < 60)': x.importSeconds,
    'reimportCreated (must be 0)': x.reimportCreated,
    rowsRejected: `${x.rowsRejected}/${x.rowsRejectedExpected}`,
    rawInsertsPerSecond: x.rawInsertsPerSecond,
    importedPerSecond: x.importedPerSecond,
    importToRawRatio: x.importToRawRatio
  }
}
