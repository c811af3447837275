import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { NUT_ICON_SOURCES, OWN_ICONS } from '../src/ui/kit/icons'

/**
 * Writes the icon stylesheets: the NutUI drawings the kit names (src/ui/kit/icons.ts), as CSS
 * masks, in `src/ui/kit/nut-icons.scss` for the main package and `src/packages/<p>/nut-icons.scss`
 * for icons only a subpackage draws (see placeIcons). NutUI ships each icon as a component carrying a base64 SVG, about 1.4 KB apiece, all
 * in the weapp main package; the same paths rounded to whole units of their 1024 box (a unit is
 * 1/50 of a pixel at our largest size) and written once as CSS come to about half. The drawings
 * are unchanged: filled paths in NutUI's own viewBox. `tests/unit/ui-kit.test.ts` fails when a
 * file is stale; run `npm run make:icons` after naming an icon on a page where it was not drawn,
 * changing the table, or upgrading NutUI's icons.
 */
const ROOT = path.resolve(__dirname, '..')
const ICONS_DIR = path.join(ROOT, 'node_modules', '@nutui', 'icons-react-taro', 'dist', 'es', 'icons')

/** The path data of one NutUI drawing, numbers rounded to whole units. */
export function nutIconPaths(drawing: string): string[] {
  const js = readFileSync(path.join(ICONS_DIR, `${drawing}.js`), 'utf8')
  const b64 = /svg64: "data:image\/svg\+xml;base64,([^"]+)"/.exec(js)?.[1]
  if (!b64) throw new Error(`make-icons: no SVG in NutUI's ${drawing}`)
  const svg = Buffer.from(b64, 'base64').toString('utf8')
  if (!svg.includes('viewBox="0 0 1024 1024"') || /<(?!svg|path|\/)/.test(svg)) throw new Error(`make-icons: NutUI's ${drawing} is not filled paths in a 1024 box`)
  return [...svg.matchAll(/ d="([^"]+)"/g)].map((m) =>
    (m[1] ?? '')
      // `1.5.5` is two numbers: a rounded one that follows a digit needs a space to stay apart.
      .replace(/-?\d*\.\d+/g, (n: string, at: number, all: string) => {
        const r = String(Math.round(Number(n)))
        return /[\d.]/.test(all[at - 1] ?? '') && !r.startsWith('-') ? ` ${r}` : r
      })
      .replace(/ -/g, '-')
  )
}

function maskUrl(paths: readonly string[]): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1024 1024'>${paths.map((d) => `<path d='${d}'/>`).join('')}</svg>`
  return `url("data:image/svg+xml,${svg.replace(/%/g, '%25').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/#/g, '%23')}")`
}

const SRC = path.join(ROOT, 'src')

/** The NutUI drawings the main package carries (every page and the kit can draw these). */
export const NUT_ICONS_SCSS = path.join(SRC, 'ui', 'kit', 'nut-icons.scss')

/**
 * Where each icon is drawn. The main package draws the icons its own pages and the shared code
 * they import name; an icon only subpackage pages name is drawn in the stylesheet at the root of
 * those pages' package (`packages/event/event.scss` and so on), which Taro ships with the
 * subpackage. An icon is "named" by a file when the name appears there as a string literal: an
 * IconName value starts as a literal somewhere, and the module holding it is imported by the page
 * that draws it, so walking each page's imports finds every icon the page can draw.
 */
export interface IconPlacement {
  main: ReadonlySet<string>
  /** Root stylesheet of a package (absolute path) → the icons its pages draw that main does not. */
  packages: ReadonlyMap<string, ReadonlySet<string>>
}

const ICON_TABLE = path.join(SRC, 'ui', 'kit', 'icons.ts')
const IMPORT = /(?:from\s+|import\s+|require\()\s*['"]([^'"]+)['"]/g
const LITERAL = /['"]([a-z][a-z-]*)['"]/g

function drawingOf(name: string): string {
  return (NUT_ICON_SOURCES as Record<string, string>)[name] ?? name
}

function resolveModule(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(SRC, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null
  if (!base) return null
  for (const file of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.(tsx?|scss)$/.test(file) && existsSync(file) && statSync(file).isFile()) return file
  }
  return null
}

function pagesIn(dir: string): string[] {
  return readdirSync(dir)
    .map((page) => path.join(dir, page, 'index.tsx'))
    .filter((file) => existsSync(file))
}

export function placeIcons(): IconPlacement {
  const names = new Set<string>([...Object.keys(NUT_ICON_SOURCES), ...OWN_ICONS])
  const parsed = new Map<string, { imports: string[]; icons: string[] }>()
  const parse = (file: string) => {
    let hit = parsed.get(file)
    if (!hit) {
      const text = readFileSync(file, 'utf8')
      hit = {
        imports: [...text.matchAll(IMPORT)].map((m) => resolveModule(file, m[1] ?? '')).filter((f): f is string => f !== null),
        // The table itself names every icon and draws none.
        icons: file === ICON_TABLE ? [] : [...text.matchAll(LITERAL)].map((m) => m[1] ?? '').filter((n) => names.has(n))
      }
      parsed.set(file, hit)
    }
    return hit
  }
  // Every module a set of entry files reach, and the stylesheets among them.
  const reach = (entries: readonly string[]) => {
    const seen = new Set<string>()
    const todo = [...entries]
    for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
      if (seen.has(file)) continue
      seen.add(file)
      if (file.endsWith('.scss')) continue
      todo.push(...parse(file).imports)
    }
    return seen
  }
  const iconsOf = (files: Iterable<string>) => new Set([...files].filter((f) => !f.endsWith('.scss')).flatMap((f) => parse(f).icons))

  const main = iconsOf(reach([path.join(SRC, 'app.tsx'), ...pagesIn(path.join(SRC, 'pages'))]))
  // A name whose drawing main already carries costs main one selector, not a second drawing.
  const mainDrawings = new Set([...main].map((n) => drawingOf(n)))
  for (const name of names) if (mainDrawings.has(drawingOf(name))) main.add(name)
  const packages = new Map<string, Set<string>>()
  const packagesDir = path.join(SRC, 'packages')
  for (const pkg of readdirSync(packagesDir)) {
    for (const page of pagesIn(path.join(packagesDir, pkg, 'pages'))) {
      const files = reach([page])
      const roots = [...files].filter((f) => f.endsWith('.scss') && path.dirname(path.dirname(f)) === packagesDir)
      if (roots.length !== 1) throw new Error(`make-icons: ${path.relative(ROOT, page)} must import exactly one stylesheet at the root of a package, not ${roots.length}`)
      const sheet = roots[0] as string
      if (!/^@use '\.\/nut-icons';$/m.test(readFileSync(sheet, 'utf8'))) throw new Error(`make-icons: ${path.relative(ROOT, sheet)} must \`@use './nut-icons';\` (the icons only its pages draw)`)
      const own = packages.get(sheet) ?? new Set<string>()
      for (const name of iconsOf(files)) if (!main.has(name)) own.add(name)
      packages.set(sheet, own)
    }
  }
  for (const name of names) {
    const drawn = main.has(name) || [...packages.values()].some((s) => s.has(name))
    if (!drawn) throw new Error(`make-icons: no page names the icon '${name}'; drop it from src/ui/kit/icons.ts`)
  }
  for (const name of OWN_ICONS) {
    if (!main.has(name)) throw new Error(`make-icons: the kit's own icon '${name}' is drawn in the main package (kit-icons.scss) but only subpackages name it`)
  }
  return { main, packages }
}

/** The generated stylesheet a package's root stylesheet uses: `packages/event/nut-icons.scss`. */
export function packageIconsFile(sheet: string): string {
  return path.join(path.dirname(sheet), 'nut-icons.scss')
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(ICONS_DIR, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version
}

function iconRules(names: ReadonlySet<string>): string[] {
  const byDrawing = new Map<string, string[]>()
  for (const [name, drawing] of Object.entries(NUT_ICON_SOURCES)) if (names.has(name)) byDrawing.set(drawing, [...(byDrawing.get(drawing) ?? []), name])
  return [...byDrawing.entries()].map(
    ([drawing, group]) => `${group.map((n) => `.kit-icon--${n}`).join(',\n')} {\n  // ${drawing}\n  -webkit-mask-image: ${maskUrl(nutIconPaths(drawing))};\n}`
  )
}

export function nutIconsScss(names: ReadonlySet<string> = placeIcons().main): string {
  return `// Generated by scripts/make-icons.ts from @nutui/icons-react-taro ${version()}; do not edit.
// Only the prefixed property: every WebView WeChat runs (and Chromium, Safari, Firefox) reads it,
// and writing the unprefixed one too would ship each drawing twice.
${iconRules(names).join('\n')}
`
}

/** Every generated stylesheet and its content: the main package's, then one per package. */
export function iconStylesheets(): Map<string, string> {
  const placement = placeIcons()
  const out = new Map<string, string>([[NUT_ICONS_SCSS, nutIconsScss(placement.main)]])
  for (const [sheet, names] of placement.packages) {
    const rules = iconRules(names)
    out.set(
      packageIconsFile(sheet),
      `// Generated by scripts/make-icons.ts from @nutui/icons-react-taro ${version()}; do not edit.
// The icons only this package's pages draw (${path.basename(sheet)} uses this file); the main package draws the rest.
${rules.length > 0 ? `${rules.join('\n')}\n` : ''}`
    )
  }
  return out
}

if (require.main === module) {
  for (const [file, text] of iconStylesheets()) {
    writeFileSync(file, text)
    console.log(`wrote ${path.relative(process.cwd(), file)}`)
  }
}
