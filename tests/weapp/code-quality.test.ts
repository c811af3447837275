/**
 * @jest-environment node
 */
/**
 * The WeChat DevTools code-quality audit and an upload-style compile, run offline with
 * miniprogram-ci over the weapp build, laid out as in the repo (project.config.json +
 * miniprogramRoot `dist/`). Every audit item must pass.
 *
 * miniprogram-ci is lenient in three places, so passing `success` is not enough:
 *  - a checker that throws is reported as success (the error only goes to console.error);
 *  - CONTAINS_OTHER_PKG_COMPONENTS always reports success: its findings are only in `detail`;
 *  - CONTAINS_UNUSED_CODES reports success whenever ignoreUploadUnusedFiles is on.
 * {@link auditFailures} therefore also fails on logged errors and on non-empty findings, and a
 * negative control (a deliberately broken copy of the build) proves it does fail.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { es2015Syntax } from './support/es5'
import { DIST, ensureWeappBuild } from './support/simulate'
import { type ProjectConfig, type ProjectReport, ROOT, readProjectConfig, runWechatCi, stageProject, tempDir } from './support/wechat-ci'

/** Every item the DevTools audit runs for a mini-program (miniprogram-ci 2.1.42). */
const AUDIT_ITEMS = [
  'PACKAGE_SIZE_LIMIT',
  'JS_COMPRESS_OPEN',
  'WXML_COMPRESS_OPEN',
  'WXSS_COMPRESS_OPEN',
  'LAZYCODE_LOADING_OPEN',
  'IMAGE_AND_AUDIO_LIMIT',
  'CONTAINS_OTHER_PKG_JS',
  'CONTAINS_OTHER_PKG_COMPONENTS',
  'CONTAINS_UNUSED_PLUGINS',
  'CONTAINS_UNUSED_COMPONENTS',
  'CONTAINS_UNUSED_CODES'
] as const

const MB = 1024 * 1024

/** Findings hidden in `detail`: a non-empty list is a failure even when `success` is true. */
function findings(name: string, detail: unknown): unknown[] {
  if (Array.isArray(detail)) return detail
  if (typeof detail !== 'object' || detail === null) return []
  const d = detail as { files?: unknown; comps?: unknown }
  if (name === 'PACKAGE_SIZE_LIMIT') return []
  return [...(Array.isArray(d.files) ? d.files : []), ...(Array.isArray(d.comps) ? d.comps : [])]
}

interface AuditFailure {
  item: string
  why: string
  text?: string
  detail?: unknown
}

function auditFailures(report: ProjectReport): AuditFailure[] {
  const out: AuditFailure[] = []
  for (const name of AUDIT_ITEMS) {
    if (!report.quality.some((q) => q.name === name)) out.push({ item: name, why: 'not reported by the audit' })
  }
  for (const q of report.quality) {
    const found = findings(q.name, q.detail)
    if (!q.success) out.push({ item: q.name, why: 'failed', text: q.text, detail: q.detail })
    else if (found.length > 0) out.push({ item: q.name, why: `passed, but lists ${found.length} finding(s)`, text: q.text, detail: found })
  }
  for (const error of report.qualityErrors) out.push({ item: 'AUDIT', why: 'a checker threw (miniprogram-ci then reports it as passed)', text: error.slice(0, 2000) })
  return out
}

function describeFailures(failures: AuditFailure[]): string {
  return failures
    .map((f) => `✗ ${f.item}: ${f.why}${f.text ? ` — ${f.text}` : ''}${f.detail === undefined ? '' : `\n    ${JSON.stringify(f.detail, null, 2).replace(/\n/g, '\n    ')}`}`)
    .join('\n')
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')]
  })
}

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  lazyCodeLoading?: string
}

let good: ProjectReport
let broken: ProjectReport
let config: ProjectConfig
let work = ''

beforeAll(() => {
  ensureWeappBuild()
  config = readProjectConfig()
  work = tempDir('linli-wechat-ci-')
  const goodDir = stageProject(path.join(work, 'good'), DIST, config)
  // The negative control: compression off, lazyCodeLoading gone, a 250 KB image, a main-package
  // file only a subpackage uses, an orphan file, a 1.6 MB main-package script.
  const off = { ...config, setting: { ...config.setting, minified: false, minifyWXML: false, minifyWXSS: false } }
  const brokenDir = stageProject(path.join(work, 'broken'), DIST, off, (mp) => {
    const appJsonFile = path.join(mp, 'app.json')
    const appJson = JSON.parse(readFileSync(appJsonFile, 'utf8')) as AppJson
    delete appJson.lazyCodeLoading
    writeFileSync(appJsonFile, JSON.stringify(appJson))
    mkdirSync(path.join(mp, 'assets'), { recursive: true })
    writeFileSync(path.join(mp, 'assets', 'huge.png'), Buffer.alloc(250 * 1024, 1))
    // A main-package file required only by one subpackage page.
    const sub = appJson.subPackages?.[0]
    const subPage = sub?.pages[0]
    if (!sub || !subPage) throw new Error('the negative control needs a subpackage')
    const pageJs = path.join(mp, sub.root, `${subPage}.js`)
    const toRoot = path.posix.relative(path.posix.dirname(`${sub.root}/${subPage}`), '.')
    writeFileSync(path.join(mp, 'only-sub.js'), 'module.exports = 1\n')
    writeFileSync(pageJs, `require("${toRoot}/only-sub.js");${readFileSync(pageJs, 'utf8')}`)
    writeFileSync(path.join(mp, 'orphan.js'), 'module.exports = 2\n')
    writeFileSync(path.join(mp, 'big.js'), `module.exports = "${'x'.repeat(1.6 * MB)}"\n`)
    const app = path.join(mp, 'app.js')
    writeFileSync(app, `require("./big");${readFileSync(app, 'utf8')}`)
  })
  const report = runWechatCi(
    [
      { projectPath: goodDir, compileZip: path.join(work, 'upload.zip') },
      { projectPath: brokenDir }
    ],
    work
  )
  const [g, b] = report.projects
  if (!g || !b) throw new Error('miniprogram-ci report is incomplete')
  good = g
  broken = b
  // Kept for people to read (tests/artifacts is git-ignored): the audit and bytes per package.
  const artifacts = path.join(ROOT, 'tests', 'artifacts')
  mkdirSync(artifacts, { recursive: true })
  writeFileSync(
    path.join(artifacts, 'weapp-code-quality.json'),
    JSON.stringify({ quality: good.quality, packageBytes: good.packageBytes, compile: { ...good.compile, zipPath: undefined, files: good.compile?.files.length } }, null, 2)
  )
}, 240_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('WeChat code-quality audit (miniprogram-ci checkCodeQuality, offline)', () => {
  test('every audit item passes on the weapp build', () => {
    const failures = auditFailures(good)
    if (failures.length > 0) console.error(`code-quality audit failed:\n${describeFailures(failures)}`)
    expect(failures).toEqual([])
    expect(good.quality.map((q) => q.name).sort()).toEqual([...AUDIT_ITEMS].sort())
  })

  test('negative control: the same assertion fails on a deliberately broken copy', () => {
    const failed = new Set(auditFailures(broken).map((f) => f.item))
    expect([...failed].sort()).toEqual(
      [
        'PACKAGE_SIZE_LIMIT',
        'JS_COMPRESS_OPEN',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
        'LAZYCODE_LOADING_OPEN',
        'IMAGE_AND_AUDIO_LIMIT',
        'CONTAINS_OTHER_PKG_JS',
        'CONTAINS_UNUSED_CODES'
      ].sort()
    )
  })

  test('bytes per package: main under 1.5 MB, every package under 2 MB', () => {
    const sizes = good.packageBytes
    const main = sizes.__APP__ ?? 0
    expect(main).toBeGreaterThan(0)
    expect(main).toBeLessThan(1.5 * MB)
    for (const bytes of Object.values(sizes)) expect(bytes).toBeLessThan(2 * MB)
    const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson
    expect(Object.keys(sizes).sort()).toEqual(['__APP__', ...(app.subPackages ?? []).map((s) => `${s.root}/`)].sort())
    const audited = good.quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT')?.detail
    expect(audited).toEqual(sizes)
  })
})

describe('upload-style compile (miniprogram-ci getCompiledResult, offline)', () => {
  test('compiles without error and packs every page', () => {
    const compile = good.compile
    if (!compile) throw new Error('no compile result')
    if (!compile.ok) console.error(compile.error)
    expect(compile.ok).toBe(true)
    expect(compile.zipBytes).toBeGreaterThan(0)
    // Offline, only the upload-extension whitelist lookup may fail (it then uses its built-in list).
    expect(compile.errors.filter((e) => !/getwhiteextlist|white ext list/i.test(e))).toEqual([])
    const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as AppJson
    const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
    const packed = new Set(compile.files)
    const missing = pages.flatMap((p) => ['js', 'json', 'wxml', 'wxss'].map((ext) => `${p}.${ext}`)).filter((f) => !packed.has(f))
    expect(missing).toEqual([])
    expect(packed.has('app.json')).toBe(true)
    expect(packed.has('app.js')).toBe(true)
  })
})

describe('project.config.json', () => {
  test('root config: dist/ as miniprogramRoot, functions in build/functions/, compression on', () => {
    expect(config).toMatchObject({
      appid: 'wx0000000000000000',
      compileType: 'miniprogram',
      miniprogramRoot: 'dist/',
      srcMiniprogramRoot: 'dist/',
      cloudfunctionRoot: 'build/functions/',
      setting: { minified: true, minifyWXML: true, minifyWXSS: true, ignoreUploadUnusedFiles: true, packNpmManually: false }
    })
    expect(String(config.description)).toMatch(/placeholder/i)
  })

  test("Taro copies it into the build (dist/project.config.json, miniprogramRoot './')", () => {
    const copied = readProjectConfig(path.join(DIST, 'project.config.json'))
    // Taro writes TARO_APP_ID, when set, over the appid. A difference here means dist/ is older
    // than project.config.json: rebuild it (`npm run build:weapp`).
    expect(copied).toEqual({ ...config, miniprogramRoot: './', appid: process.env.TARO_APP_ID || config.appid })
  })

  test('what an upload ships is ES5 (es6/enhance on, or a build that is already ES5)', () => {
    const compiled = good.compile
    if (!compiled) throw new Error('no compile result')
    expect(compiled.nonEs5).toEqual([])
    // dist/ itself may hold newer syntax (Taro does not transpile node_modules: zod ships ES2020);
    // then the upload must transpile, i.e. es6 and enhance must both stay on.
    const inDist = listFiles(DIST)
      .filter((f) => f.endsWith('.js'))
      .flatMap((file) => {
        const found = es2015Syntax(readFileSync(path.join(DIST, file), 'utf8'))
        return found.length ? [`${file}: ${found.join(', ')}`] : []
      })
    if (inDist.length > 0) expect({ es6: config.setting?.es6, enhance: config.setting?.enhance }).toEqual({ es6: true, enhance: true })
  })
})
