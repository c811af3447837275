/* global module, require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS: webpack loads this loader without a compile step */
const { readFileSync, readdirSync } = require('node:fs')
const path = require('node:path')

/**
 * A webpack loader for NutUI's default theme, which sits in the weapp main package
 * (app-origin.wxss). It drops:
 * - the two fonts the theme embeds (JDZH-Regular and JDZH-Bold, about 24 KB of base64 TTF). Only
 *   NutUI's price and badge digits ask for them; our prices are our own component in the system
 *   font. The build fails when the theme no longer embeds them, so a NutUI upgrade is looked at.
 * - the variables nothing reads: the theme defines some 225, NutUI's own stylesheets and scripts
 *   and ours read a fraction. A variable another kept one reads is kept too.
 */
const FONT_FACE = /@font-face\s*\{[^}]*JDZH[^}]*\}/g
const READ = /var\(\s*(--[a-zA-Z0-9-]+)/g
const ROOT = path.resolve(__dirname, '..')

function stripThemeFonts(css) {
  const out = css.replace(FONT_FACE, '')
  if (out === css) throw new Error('nutui-theme: NutUI default theme no longer embeds the JDZH fonts; review config/nutui-theme.cjs')
  return out
}

function filesUnder(dir, test) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(file, test)
    return test.test(e.name) ? [file] : []
  })
}

let readers
/** Every custom property NutUI's components (styles and scripts) or our sources read. */
function readVariables() {
  if (!readers) {
    readers = new Set()
    const files = [
      ...filesUnder(path.join(ROOT, 'node_modules', '@nutui', 'nutui-react-taro', 'dist', 'es'), /\.(css|js)$/),
      ...filesUnder(path.join(ROOT, 'src'), /\.(scss|css|tsx?)$/)
    ]
    for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(READ)) readers.add(m[1])
  }
  return readers
}

/** The theme's declaration blocks without the custom properties no one reads. */
function dropUnreadVariables(css, read = readVariables()) {
  const keep = new Set(read)
  const declarations = [...css.matchAll(/(--[a-zA-Z0-9-]+)\s*:([^;}]*)/g)]
  // A kept variable's value may read others: keep those, until nothing changes.
  for (let grew = true; grew; ) {
    grew = false
    for (const [, name, value] of declarations) {
      if (!keep.has(name)) continue
      for (const m of value.matchAll(READ)) {
        if (!keep.has(m[1])) {
          keep.add(m[1])
          grew = true
        }
      }
    }
  }
  return css.replace(/(--[a-zA-Z0-9-]+)\s*:[^;}]*(;|(?=\}))/g, (decl, name) => (keep.has(name) ? decl : '')).replace(/;\s*\}/g, '}')
}

function trimTheme(css) {
  return dropUnreadVariables(stripThemeFonts(css))
}

function loader(source) {
  return trimTheme(String(source))
}

module.exports = loader
module.exports.stripThemeFonts = stripThemeFonts
module.exports.dropUnreadVariables = dropUnreadVariables
module.exports.trimTheme = trimTheme
module.exports.THEME_FILE = /[\\/]@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/]default\.css$/
