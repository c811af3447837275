/**
 * WeChat's own CI package (miniprogram-ci, extracted from WeChat DevTools), run OFFLINE over the
 * weapp build: the DevTools code-quality audit (`checkCodeQuality`), the per-file / per-package
 * size analysis (`analyseCode`) and an upload-style compile (`getCompiledResult`).
 *
 * miniprogram-ci leaves file watchers open (its code analyser starts chokidar and never closes it)
 * and sets a process-wide proxy, so it runs in a child process: `runWechatCi()` spawns this file
 * with tsx, which writes a JSON report and exits.
 *
 * Offline recipe: a throwaway RSA key (`privateKeyPath`; nothing is signed), an `attr()` on the
 * project (the appid's attributes, otherwise fetched from WeChat) and every request it still makes
 * (the upload-extension whitelist) sent to a closed local proxy, so nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { es2015Syntax } from './es5'

export const ROOT = path.resolve(__dirname, '..', '..', '..')

// ---------------------------------------------------------------------------------------------
// The slice of miniprogram-ci used here (its bundled typings are partial: no `attr` option).
// ---------------------------------------------------------------------------------------------

export interface QualityItem {
  name: string
  success: boolean
  text: string
  docURL?: string
  detail?: unknown
}

export interface AnalysedFile {
  path: string
  ext: string
  size: number
  moduleId: string | null
  /** `packages/household/`, or null for the main package. */
  subPackage: string | null
}

interface CiProjectOptions {
  appid: string
  type: 'miniProgram'
  projectPath: string
  privateKeyPath: string
  attr: () => Promise<unknown>
}

interface CiProject {
  readonly projectPath: string
}

interface CiModule {
  Project: new (options: CiProjectOptions) => CiProject
  DefaultProjectAttr?: unknown
  proxy(url: string): void
  checkCodeQuality(project: CiProject): Promise<QualityItem[]>
  analyseCode(project: CiProject, options?: { silent: boolean }): Promise<{ files: AnalysedFile[] } | undefined>
  getCompiledResult(
    options: {
      project: CiProject
      version: string
      desc?: string
      setting?: Record<string, unknown>
      onProgressUpdate?: (progress: unknown) => void
    },
    savePath?: string
  ): Promise<Record<string, unknown>>
}

// ---------------------------------------------------------------------------------------------
// The report the child writes
// ---------------------------------------------------------------------------------------------

export interface ProjectReport {
  projectPath: string
  quality: QualityItem[]
  /** console.error output while the audit ran: a checker that throws is reported as PASSED by miniprogram-ci. */
  qualityErrors: string[]
  /** Bytes per package from analyseCode: `__APP__` is the main package. */
  packageBytes: Record<string, number>
  files: AnalysedFile[]
  compile?: {
    ok: boolean
    error?: string
    /** Files in the compiled package (what an upload would send). */
    files: string[]
    zipPath: string
    zipBytes: number
    /** console.error output while compiling (an offline whitelist lookup failure is expected). */
    errors: string[]
    /** Compiled scripts that still hold syntax newer than ES5, with what was found. */
    nonEs5: string[]
  }
}

export interface WechatCiReport {
  projects: ProjectReport[]
}

export interface CiJob {
  /** A folder holding project.config.json (and the miniprogramRoot it names). */
  projectPath: string
  /** Also compile it like an upload, writing the zip there. */
  compileZip?: string
}

/** Runs the jobs in a child process (tsx) and returns its report. */
export function runWechatCi(jobs: CiJob[], workDir: string): WechatCiReport {
  const input = path.join(workDir, 'ci-jobs.json')
  const output = path.join(workDir, 'ci-report.json')
  writeFileSync(input, JSON.stringify(jobs))
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  // In the work folder: miniprogram-ci leaves a folder of its own in the working directory.
  const res = spawnSync(process.execPath, [tsx, __filename, input, output], {
    cwd: workDir,
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024
  })
  if (res.status !== 0 || !existsSync(output)) {
    throw new Error(`miniprogram-ci child failed (exit ${String(res.status)}):\n${res.stderr.slice(-4000)}\n${res.stdout.slice(-2000)}`)
  }
  return JSON.parse(readFileSync(output, 'utf8')) as WechatCiReport
}

// ---------------------------------------------------------------------------------------------
// Staging: a project folder laid out as in the repo (project.config.json + dist/)
// ---------------------------------------------------------------------------------------------

export type ProjectConfig = Record<string, unknown> & { miniprogramRoot?: string; setting?: Record<string, unknown> }

export function readProjectConfig(file = path.join(ROOT, 'project.config.json')): ProjectConfig {
  return JSON.parse(readFileSync(file, 'utf8')) as ProjectConfig
}

/**
 * Copies a weapp build into `dir/<miniprogramRoot>` next to `config` as `dir/project.config.json`:
 * the repo's own layout, without the rest of the repo for miniprogram-ci to walk. `edit` may
 * change the staged copy (negative controls).
 */
export function stageProject(dir: string, dist: string, config: ProjectConfig, edit?: (miniprogramDir: string) => void): string {
  const root = typeof config.miniprogramRoot === 'string' && config.miniprogramRoot !== '' ? config.miniprogramRoot : 'dist/'
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify(config, null, 2))
  const target = path.join(dir, root)
  cpSync(dist, target, { recursive: true })
  edit?.(target)
  return dir
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

// ---------------------------------------------------------------------------------------------
// The child
// ---------------------------------------------------------------------------------------------

function writeThrowawayKey(dir: string): string {
  // Offline nothing is signed; miniprogram-ci only insists that a readable key exists.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' }
  })
  const file = path.join(dir, 'private.throwaway.key')
  writeFileSync(file, privateKey, { mode: 0o600 })
  return file
}

/** Collects console.error while `fn` runs (miniprogram-ci logs, rather than throws, many failures). */
async function capturingErrors<T>(fn: () => Promise<T>): Promise<{ value: T; errors: string[] }> {
  const errors: string[] = []
  const original = console.error
  console.error = (...args: unknown[]) => {
    errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '))
  }
  try {
    return { value: await fn(), errors }
  } finally {
    console.error = original
  }
}

function bytesPerPackage(files: AnalysedFile[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of files) {
    const key = f.subPackage ?? '__APP__'
    out[key] = (out[key] ?? 0) + f.size
  }
  return out
}

async function childMain(inputFile: string, outputFile: string): Promise<void> {
  const jobs = JSON.parse(readFileSync(inputFile, 'utf8')) as CiJob[]
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as CiModule
  // Every request miniprogram-ci still makes goes to a closed local port and fails at once.
  ci.proxy('http://127.0.0.1:9')
  const keyPath = writeThrowawayKey(path.dirname(outputFile))
  const attr = ci.DefaultProjectAttr ?? {
    platform: false,
    appType: 0,
    isSandbox: false,
    released: false,
    setting: { MaxCodeSize: 2, MaxSubpackageSubCodeSize: 2, MaxSubpackageFullCodeSize: 12, MaxSubPackageLimit: 100 }
  }
  const projects: ProjectReport[] = []
  for (const job of jobs) {
    const config = readProjectConfig(path.join(job.projectPath, 'project.config.json'))
    const appid = typeof config.appid === 'string' ? config.appid : 'wx0000000000000000'
    const project = new ci.Project({
      appid,
      type: 'miniProgram',
      projectPath: job.projectPath,
      privateKeyPath: keyPath,
      attr: () => Promise.resolve(attr)
    })
    const quality = await capturingErrors(() => ci.checkCodeQuality(project))
    const analysed = await ci.analyseCode(project, { silent: true })
    const files = (analysed?.files ?? []).map((f) => ({ path: f.path, ext: f.ext, size: f.size, moduleId: f.moduleId, subPackage: f.subPackage }))
    const report: ProjectReport = {
      projectPath: job.projectPath,
      quality: quality.value.map(({ name, success, text, docURL, detail }) => ({ name, success, text, docURL, detail })),
      qualityErrors: quality.errors,
      packageBytes: bytesPerPackage(files),
      files
    }
    if (job.compileZip) {
      const zipPath = job.compileZip
      const compiled = await capturingErrors(async () => {
        try {
          const result = await ci.getCompiledResult({ project, version: '0.0.0-ci', desc: 'offline compile check', setting: { useProjectConfig: true } }, zipPath)
          const nonEs5 = Object.entries(result).flatMap(([file, content]) => {
            if (!file.endsWith('.js')) return []
            const found = es2015Syntax(typeof content === 'string' ? content : Buffer.from(content as Uint8Array).toString('utf8'))
            return found.length ? [`${file}: ${found.join(', ')}`] : []
          })
          return { ok: true as const, files: Object.keys(result).sort(), nonEs5 }
        } catch (e) {
          return { ok: false as const, error: e instanceof Error ? (e.stack ?? e.message) : String(e), files: [], nonEs5: [] }
        }
      })
      report.compile = {
        ...compiled.value,
        zipPath,
        zipBytes: existsSync(zipPath) ? statSync(zipPath).size : 0,
        errors: compiled.errors
      }
    }
    projects.push(report)
  }
  writeFileSync(outputFile, JSON.stringify({ projects } satisfies WechatCiReport, null, 2))
}

if (require.main === module) {
  const [input, output] = process.argv.slice(2)
  if (!input || !output) {
    console.error('usage: tsx tests/weapp/support/wechat-ci.ts <jobs.json> <report.json>')
    process.exit(2)
  }
  // Exit explicitly: miniprogram-ci's watchers and forked compiler would keep the process alive.
  childMain(input, output).then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    }
  )
}
