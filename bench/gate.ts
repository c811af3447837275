/**
 * Gate verifications through the `access` function's HTTP entry (createHttpMain, as the CloudBase
 * HTTP access service would call it) on a file-backed SQLite store with the demo data: device
 * signature, nonce, code MAC and times, membership, single-use record and log row per request.
 * Then every code is presented again, in sequence and in concurrent bursts: `replaysAccepted`
 * counts the replays that opened a door and must be 0. Bare HMAC checks (parse + MAC of a code)
 * and conditional store updates are measured in the same run, as the ratios' reference.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { accessHttpRoutes } from '../cloudfunctions/access/http'
import { accessModule } from '../cloudfunctions/access/module'
import { SqliteStore } from '../cloudfunctions/adapters/sqlite/sqlite-store'
import type { GateAnswer } from '../cloudfunctions/contracts/gate'
import { macMatches, parseCode } from '../cloudfunctions/domain/access/code'
import { buildDeviceRequest } from '../cloudfunctions/domain/access/device-auth'
import { codeBatch } from '../cloudfunctions/domain/access/issue'
import { signingKey } from '../cloudfunctions/domain/access/keys'
import { createHttpMain } from '../cloudfunctions/kernel/http-main'
import type { FunctionModule } from '../cloudfunctions/kernel/module'
import type { Logger } from '../cloudfunctions/kernel/ports'
import { demoGateSecret } from '../scripts/seed/access'
import { COMMUNITY_A, seedDemo } from '../scripts/seed/demo'
import { localPorts, localRuntime } from '../scripts/server/local-runtime'
import { type BenchResult, round } from './lib/bench'
import { measureConditionalUpdates } from './store'

const PEPPER = 'bench-gate-pepper-0123456789'
const SECONDS = 2
const BURSTS = 50
const BURST_SIZE = 8
const GATES: [string, string][] = [
  ['ly-main', 'd1'],
  ['ly-car', 'd1'],
  ['ly-car', 'd2']
]
const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'linli-bench-gate-'))
  const store = new SqliteStore(path.join(dir, 'bench.db'))
  try {
    await seedDemo(store, PEPPER)
    const ports = localPorts({ store, codePepper: PEPPER, log: silent })
    const main = createHttpMain(accessModule as unknown as FunctionModule, localRuntime(ports), accessHttpRoutes)
    const members = await store.find('memberships', { where: { communityId: COMMUNITY_A, status: 'active' }, limit: 1000 })
    const key = await signingKey(ports, COMMUNITY_A)
    const households = new Map((await store.find('households', { where: { communityId: COMMUNITY_A }, limit: 1000 })).map((h) => [h._id, h.buildingId]))

    let n = 0
    /** A fresh code valid now: the first of a batch, as a pass page shows it. */
    const freshCode = () => {
      const m = members[n % members.length]
      if (!m) throw new Error('no members seeded')
      const subject = { kind: 'resident' as const, vehicle: true, communityId: COMMUNITY_A, buildingId: households.get(m.householdId) ?? '', householdId: m.householdId, userId: m.userId, passId: null }
      return codeBatch(key, ports.random, subject, Date.now())[0]?.code ?? ''
    }
    const event = (code: string) => {
      const [deviceId, door] = GATES[n % GATES.length] ?? GATES[0]!
      n++
      const req = buildDeviceRequest(demoGateSecret(deviceId), 'verify', { deviceId, ts: Date.now(), nonce: `bench-${n.toString(36).padStart(8, '0')}`, door, code })
      return { httpMethod: 'POST', path: '/gate/verify', headers: req.headers, body: req.body, isBase64Encoded: false }
    }
    const verify = async (e: ReturnType<typeof event>): Promise<GateAnswer> => {
      const res = await main(e, { request_id: `bench-${n}`, identity: null })
      if (!('statusCode' in res)) throw new Error('expected an HTTP response')
      return JSON.parse(res.body) as GateAnswer
    }

    for (let i = 0; i < 200; i++) await verify(event(freshCode()))

    const used: string[] = []
    const latencies: number[] = []
    let opened = 0
    const budget = SECONDS * 1000
    let busy = 0
    while (busy < budget) {
      // Requests are built outside the timing: signing is the device's work, not the function's.
      const code = freshCode()
      const e = event(code)
      const t0 = performance.now()
      const a = await verify(e)
      const ms = performance.now() - t0
      busy += ms
      latencies.push(ms)
      if (a.decision !== 'open') throw new Error(`a fresh code was refused: ${a.reason}`)
      opened++
      used.push(code)
    }
    latencies.sort((a, b) => a - b)

    let replaysAccepted = 0
    for (const code of used) if ((await verify(event(code))).decision === 'open') replaysAccepted++
    let burstOpens = 0
    for (let b = 0; b < BURSTS; b++) {
      const code = freshCode()
      const answers = await Promise.all(Array.from({ length: BURST_SIZE }, () => verify(event(code))))
      const opens = answers.filter((a) => a.decision === 'open').length
      burstOpens += opens
      replaysAccepted += Math.max(0, opens - 1)
    }

    const parsedCodes = used.slice(0, 256)
    let checks = 0
    const h0 = performance.now()
    while (performance.now() - h0 < 1000) {
      for (const c of parsedCodes) {
        const p = parseCode(c)
        if (!p || !macMatches(key.secret, p)) throw new Error('a genuine code failed its MAC')
        checks++
      }
    }
    const hmacChecksPerSecond = Math.round(checks / ((performance.now() - h0) / 1000))

    const store2 = await measureConditionalUpdates(0.5)
    const verificationsPerSecond = Math.round(opened / (busy / 1000))
    if (replaysAccepted !== 0) throw new Error(`${replaysAccepted} replays opened a door`)
    return {
      verificationsPerSecond,
      p99Ms: round(percentile(latencies, 99), 3),
      p50Ms: round(percentile(latencies, 50), 3),
      hmacChecksPerSecond,
      replaysAccepted,
      conditionalUpdatesPerSecond: store2.conditionalUpdatesPerSecond,
      ratios: {
        hmacChecksPerVerification: round(hmacChecksPerSecond / verificationsPerSecond, 1),
        conditionalUpdatesPerVerification: round(store2.conditionalUpdatesPerSecond / verificationsPerSecond, 2)
      },
      run: {
        verifications: opened,
        replaysTried: used.length + BURSTS * BURST_SIZE,
        burstOpens: `${burstOpens}/${BURSTS} codes x ${BURST_SIZE} concurrent`,
        store: 'SQLite, file-backed (WAL), demo data',
        perVerification: 'device HMAC + nonce insert + key read + code MAC + membership read + used-code insert + log insert'
      }
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const x = r as { verificationsPerSecond: number; p99Ms: number; hmacChecksPerSecond: number; replaysAccepted: number; conditionalUpdatesPerSecond: number }
  return {
    verificationsPerSecond: x.verificationsPerSecond,
    p99Ms: x.p99Ms,
    hmacChecksPerSecond: x.hmacChecksPerSecond,
    replaysAccepted: x.replaysAccepted,
    conditionalUpdatesPerSecond: x.conditionalUpdatesPerSecond
  }
}
