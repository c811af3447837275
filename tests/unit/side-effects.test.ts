/**
 * package.json declares our modules free of side effects except those it lists, so that bundlers
 * drop what a page does not use (the UI kit's barrel, Taro's APIs). A module that acts on import
 * (configures a library, registers a hook) and is not listed would be dropped silently wherever
 * only its re-exports are used: this finds every such module and checks it is listed.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const SCANNED = ['src', 'cloudfunctions/contracts']

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [full] : []
  })
}

/** Top-level statements that do something when the module is evaluated. */
function actsOnImport(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const found: string[] = []
  for (const s of sf.statements) {
    const acts =
      ts.isExpressionStatement(s) ||
      ts.isIfStatement(s) ||
      ts.isForStatement(s) ||
      ts.isForOfStatement(s) ||
      ts.isWhileStatement(s) ||
      ts.isTryStatement(s) ||
      // A bare import, except of our own stylesheets (they style the module's own components, needed
      // only where those are): a package's stylesheet, say, for components this module re-exports.
      (ts.isImportDeclaration(s) && !s.importClause && ts.isStringLiteral(s.moduleSpecifier) && !/^\.\.?\/.*\.s?css$/.test(s.moduleSpecifier.text))
    if (acts) found.push(s.getText(sf).split('\n')[0] ?? '')
  }
  return found
}

const listed = new Set(
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { sideEffects: string[] }).sideEffects
    .filter((p) => p.startsWith('./'))
    .map((p) => path.join(ROOT, p))
)

describe('modules that act on import are listed in package.json sideEffects', () => {
  const files = SCANNED.flatMap((d) => sources(path.join(ROOT, d)))
  const entryPoints = new Set([path.join(ROOT, 'src/app.tsx')])

  it('finds the known ones (the scan works)', () => {
    const acting = files.filter((f) => actsOnImport(f).length > 0).map((f) => path.relative(ROOT, f))
    expect(acting).toEqual(expect.arrayContaining(['src/client/index.ts', 'src/utils/time.ts', 'cloudfunctions/contracts/common.ts', 'src/ui/icon-tag.ts', 'src/ui/nut.ts', 'src/ui/form.ts']))
  })

  it('lists every other one', () => {
    // Page modules are entries: a bundler always evaluates them.
    const isPage = (f: string) => /[\\/]pages[\\/][^\\/]+[\\/][^\\/]+\.tsx$/.test(f)
    const unlisted = files
      .filter((f) => !entryPoints.has(f) && !isPage(f) && !listed.has(f))
      .map((f) => ({ file: path.relative(ROOT, f), acts: actsOnImport(f) }))
      .filter((x) => x.acts.length > 0)
    expect(unlisted).toEqual([])
  })

  it('lists only files that exist', () => {
    for (const f of listed) expect(statSync(f).isFile()).toBe(true)
  })
})
