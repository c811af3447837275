/* global module */
/**
 * A webpack loader that drops the two fonts NutUI's default theme embeds (JDZH-Regular and
 * JDZH-Bold, about 24 KB of base64 TTF) and keeps its variables. Only NutUI's price and badge
 * digits ask for them; our prices are our own component in the system font, and the fonts sat in
 * the weapp main package (app-origin.wxss), a quarter of what it carries over an empty Taro app.
 *
 * The build fails when the theme no longer embeds them, so a NutUI upgrade is looked at again.
 */
const FONT_FACE = /@font-face\s*\{[^}]*JDZH[^}]*\}/g

function stripThemeFonts(css) {
  const out = css.replace(FONT_FACE, '')
  if (out === css) throw new Error('nutui-theme-fonts: NutUI default theme no longer embeds the JDZH fonts; review config/nutui-theme-fonts.cjs')
  return out
}

function loader(source) {
  return stripThemeFonts(String(source))
}

module.exports = loader
module.exports.stripThemeFonts = stripThemeFonts
module.exports.THEME_FILE = /[\\/]@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/]default\.css$/
