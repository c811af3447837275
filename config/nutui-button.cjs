/* global module */
/**
 * A webpack loader for NutUI's button stylesheet, which sits in the weapp main package
 * (common.wxss): it drops the rules for the variants the app never draws. `src/ui/nut.ts` types
 * the Button with exactly the variants kept here (a unit test holds the two lists together), so a
 * page cannot ask for one whose rules are gone.
 */
const VARIANTS = {
  type: ['default', 'primary', 'info', 'success', 'warning', 'danger'],
  size: ['xlarge', 'large', 'normal', 'small', 'mini'],
  fill: ['solid', 'outline', 'dashed', 'none']
}
const KEPT = {
  type: ['default', 'primary', 'danger'],
  size: ['normal', 'small'],
  fill: ['solid', 'outline', 'none']
}
const DROPPED = new Set(Object.keys(VARIANTS).flatMap((k) => VARIANTS[k].filter((v) => !KEPT[k].includes(v))))

/** Whether a selector styles only a dropped variant: one of its `nut-button-…` classes names one. */
function forDroppedVariant(selector) {
  return [...selector.matchAll(/\.nut-button-([a-z-]+)/g)].some((m) => m[1].split('-').some((word) => DROPPED.has(word)))
}

function dropUnusedVariants(css) {
  let dropped = 0
  const out = css.replace(/([^{}]+)\{([^{}]*)\}/g, (rule, selectors, body) => {
    const lead = /^\s*/.exec(selectors)[0]
    const kept = selectors.split(',').filter((s) => !forDroppedVariant(s))
    if (kept.length === selectors.split(',').length) return rule
    dropped++
    return kept.length === 0 ? lead : `${lead}${kept.map((s) => s.trim()).join(', ')} {${body}}`
  })
  if (dropped === 0) throw new Error('nutui-button: no rule for an unused variant found; NutUI changed its button stylesheet, review config/nutui-button.cjs')
  return out
}

function loader(source) {
  return dropUnusedVariants(String(source))
}

module.exports = loader
module.exports.dropUnusedVariants = dropUnusedVariants
module.exports.KEPT = KEPT
module.exports.BUTTON_FILE = /[\\/]@nutui[\\/]nutui-react-taro[\\/]dist[\\/]es[\\/]packages[\\/]button[\\/]style[\\/]style\.css$/
