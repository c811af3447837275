import { generateKeyPairSync } from 'node:crypto'
/**
 * Cold start of each CloudBase bundle, each sample in a FRESH `node` process: bytes, ms to
 * `require()` the bundle, ms to answer a first `main()` call that needs no network (a malformed
 * envelope `{}` -> REQUEST.INVALID), compared with a trivial bundle measured the same way.
 *
 * The child gets the variables the SCF runtime sets (TENCENTCLOUD_RUNENV=SCF, ...). Without
 * them, tcb.init() (run lazily by the first call) fires an un-awaited GET to
 * http://metadata.tencentyun.com (30 ms timeout) to guess whether it runs in Tencent Cloud; the
 * `offScf` figures measure that case and count the HTTP requests the child attempted.
 */
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { bundle } from '../scripts/lib/bundle'
import { buildFunctions } from '../scripts/lib/functions-build'
import { REPO_ROOT } from '../scripts/lib/paths'
import { type BenchResult, median, round } from './lib/bench'

const REPEATS = 7
const MARKER = '@@cold '
const TRIVIAL_OUT = path.join(REPO_ROOT, 'build/bench/trivial/index.js')
const TRIVIAL_SOURCE = 'export async function main() { return { ok: true } }'

/** What the SCF runtime puts in a function's environment (no WX_OPENID: nobody is calling). */
const SCF_ENV = { TENCENTCLOUD_RUNENV: 'SCF', SCF_NAMESPACE: 'bench', TENCENTCLOUD_REGION: 'ap-shanghai' }

/**
 * Runs in the child. argv: [file, mode]. Counts outgoing http(s) requests, times require() and
 * two calls of main() with the context shape SCF passes (`environment` is a JSON string).
 */
const CHILD = `
const { performance } = require('perf_hooks')
const http = require('http'), https = require('https')
let requests = 0
for (const m of [http, https]) { const r = m.request; m.request = function (...a) { requests++; return r.apply(this, a) } }
const [file, mode] = process.argv.slice(1)
const report = (o) => process.stdout.write('\\n${MARKER}' + JSON.stringify(o) + '\\n')
if (mode === 'sdk') {
  const t0 = performance.now()
  require(require.resolve('@cloudbase/node-sdk', { paths: [require('path').dirname(file)] }))
  report({ requireMs: performance.now() - t0 })
} else {
  const context = { request_id: 'bench-cold', function_name: 'bench', environment: '{}' }
  const t0 = performance.now()
  const mod = require(file)
  const t1 = performance.now()
  Promise.resolve(mod.main({}, context)).then(async (first) => {
    const t2 = performance.now()
    await mod.main({}, context)
    const t3 = performance.now()
    process.on('exit', () => report({ requireMs: t1 - t0, firstCallMs: t2 - t1, secondCallMs: t3 - t2, first, requests }))
  }, (e) => { process.stderr.write(String((e && e.stack) || e)); process.exit(2) })
}
`

interface Sample {
  requireMs: number
  firstCallMs?: number
  secondCallMs?: number
  first?: unknown
  requests?: number
  /** Spawn to exit, seen from the parent: node boot + require + calls + anything left pending. */
  processMs: number
}

let merchantEnv: Record<string, string> | null = null
/**
 * A complete, throwaway WeChat Pay configuration: functions that take payments check their
 * merchant settings at start, so `pay` is measured as deployed (settings present), not refusing.
 */
function benchMerchantEnv(): Record<string, string> {
  if (merchantEnv) return merchantEnv
  const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  const merchant = pair()
  const wechat = pair()
  merchantEnv = {
    WECHATPAY_APPID: 'wx0123456789abcdef',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
    WECHATPAY_PRIVATE_KEY: merchant.privateKey,
    WECHATPAY_APIV3_KEY: 'bench0123456789bench0123456789ab',
    WECHATPAY_NOTIFY_URL: 'https://example.invalid/pay/notify',
    WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114BENCH',
    WECHATPAY_PUBLIC_KEY: wechat.publicKey
  }
  return merchantEnv
}

function sample(file: string, mode: 'call' | 'sdk', scf: boolean): Promise<Sample> {
  return new Promise((resolve, reject) => {
    // A clean environment: nothing of ours (WX_*, TCB_*, NODE_OPTIONS from tsx) leaks in.
    const env = {} as NodeJS.ProcessEnv
    Object.assign(env, { PATH: process.env.PATH ?? '/usr/bin:/bin', LINLI_CODE_PEPPER: 'bench-pepper-0123456789' }, benchMerchantEnv(), scf ? SCF_ENV : {})
    const started = performance.now()
    const child = spawn(process.execPath, ['-e', CHILD, file, mode], { env, cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const processMs = performance.now() - started
      const line = out.split('\n').find((l) => l.startsWith(MARKER))
      if (code !== 0 || !line) {
        reject(new Error(`child for ${path.relative(REPO_ROOT, file)} exited ${String(code)}: ${err.trim() || out.trim()}`))
        return
      }
      const parsed: unknown = JSON.parse(line.slice(MARKER.length))
      resolve({ ...(parsed as Omit<Sample, 'processMs'>), processMs })
    })
  })
}

function codeOf(res: unknown): string | undefined {
  const error = (res as { error?: unknown } | null)?.error
  const code = (error as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

interface Figures {
  bytes: number
  requireMs: number
  firstCallMs: number
  secondCallMs: number
  processMs: number
  httpRequests: number
}

function figures(bytes: number, samples: readonly Sample[]): Figures {
  const pick = (f: (s: Sample) => number | undefined) => round(median(samples.map((s) => f(s) ?? Number.NaN)))
  return {
    bytes,
    requireMs: pick((s) => s.requireMs),
    firstCallMs: pick((s) => s.firstCallMs),
    secondCallMs: pick((s) => s.secondCallMs),
    processMs: pick((s) => s.processMs),
    httpRequests: Math.max(...samples.map((s) => s.requests ?? 0))
  }
}

export async function run(): Promise<BenchResult> {
  // Always measure what the current source builds to, never a stale bundle.
  const built = await buildFunctions()
  await bundle({
    root: REPO_ROOT,
    entry: { contents: TRIVIAL_SOURCE, sourcefile: 'trivial.ts' },
    outfile: TRIVIAL_OUT,
    externals: []
  })

  const trivialSamples: Sample[] = []
  const fnSamples = new Map<string, { call: Sample[]; offScf: Sample[]; sdk: Sample[] }>()
  for (const f of built.functions) fnSamples.set(f.fn, { call: [], offScf: [], sdk: [] })

  // Interleave targets so drift (thermal, noisy neighbours) hits them alike.
  for (let i = 0; i < REPEATS; i++) {
    const t = await sample(TRIVIAL_OUT, 'call', true)
    if ((t.first as { ok?: unknown } | undefined)?.ok !== true) throw new Error(`trivial bundle answered ${JSON.stringify(t.first)}`)
    trivialSamples.push(t)
    for (const f of built.functions) {
      const s = fnSamples.get(f.fn)
      if (!s) continue
      const call = await sample(f.file, 'call', true)
      if (codeOf(call.first) !== 'REQUEST.INVALID') throw new Error(`${f.fn} answered ${JSON.stringify(call.first)} to {}`)
      s.call.push(call)
      s.offScf.push(await sample(f.file, 'call', false))
      s.sdk.push(await sample(f.file, 'sdk', true))
    }
  }

  const trivialFigures = figures(statSync(TRIVIAL_OUT).size, trivialSamples)
  const functions: Record<string, object> = {}
  const requireRatio: Record<string, number> = {}
  const firstCallRatio: Record<string, number> = {}
  for (const f of built.functions) {
    const s = fnSamples.get(f.fn)
    if (!s) continue
    const fig = figures(f.bytes, s.call)
    const off = figures(f.bytes, s.offScf)
    requireRatio[f.fn] = round(fig.requireMs / trivialFigures.requireMs, 1)
    firstCallRatio[f.fn] = round(fig.firstCallMs / trivialFigures.firstCallMs, 1)
    functions[f.fn] = {
      ...fig,
      requireRatio: requireRatio[f.fn],
      firstCallRatio: firstCallRatio[f.fn],
      /** Of requireMs, what loading @cloudbase/node-sdk alone costs (external, installed by CloudBase). */
      sdkRequireMs: round(median(s.sdk.map((x) => x.requireMs))),
      offScf: { firstCallMs: off.firstCallMs, processMs: off.processMs, httpRequests: off.httpRequests }
    }
  }

  return {
    repeats: REPEATS,
    statistic: 'median',
    event: '{} (malformed envelope -> REQUEST.INVALID, no database call, no WX_OPENID)',
    functions,
    trivial: trivialFigures,
    requireRatio,
    firstCallRatio
  }
}

export function summary(r: BenchResult): Record<string, number | string> {
  const out: Record<string, number | string> = {}
  const fns = (r.functions ?? {}) as Record<string, Figures & { requireRatio: number; firstCallRatio: number; sdkRequireMs: number }>
  for (const [fn, f] of Object.entries(fns)) {
    out[`${fn}.bytes`] = f.bytes
    out[`${fn}.requireMs (x trivial)`] = `${f.requireMs} (x${f.requireRatio}; sdk ${f.sdkRequireMs})`
    out[`${fn}.firstCallMs (x trivial)`] = `${f.firstCallMs} (x${f.firstCallRatio})`
  }
  const t = r.trivial as Figures | undefined
  if (t) out['trivial requireMs / firstCallMs'] = `${t.requireMs} / ${t.firstCallMs}`
  return out
}
