/* global module */
/**
 * A webpack loader (H5 build only) that mends two races in @tarojs/router 4.2.1's single-page
 * router, both seen as "tap a tile, go back within about 200 ms, the home stays blank":
 *
 * 1. A navigation finishes after a newer one. `render()` awaits the page's chunk; if the person
 *    goes back meanwhile, the POP renders first and the stale PUSH then hides the home and mounts
 *    the new page under the home's URL. Fix: after the await, a render whose location is no longer
 *    the history's current one is dropped (the newer render owns the screen).
 * 2. A hidden page is hidden again after it came back. A PUSH hides the page it leaves on a timer
 *    (animation duration + delay, 350 ms); a back within that time shows the page again, then the
 *    timer fires and adds `taro_page_shade` (display: none) to the page now on screen. Fix: showing
 *    a page cancels the hide still pending for it.
 *
 * And two in its navigation bar (shown on H5 when `navigationStyle` is 'default'):
 *
 * 3. The home button relaunches the first registered page, which here is the login; it goes to
 *    the first tab page (the home) when the app has a tab bar.
 * 4. Titles are written with innerHTML; `Taro.setNavigationBarTitle` may carry what people typed
 *    (an event's title), so they are written as text.
 *
 * And one in its form components (5, below).
 *
 * Each fix names the exact text it replaces and the build fails when that text is missing, so a
 * Taro upgrade that changes the router is looked at again rather than shipped unmended.
 */

/** @type {Record<string, { find: string, replace: string }[]>} */
const FIXES = {
  'router/dist/router/spa.js': [
    {
      find: `        if (!element || currentLock !== postLock)
            return;`,
      replace: `        if (!element || currentLock !== postLock)
            return;
        // linli: a newer navigation happened while this page loaded; it renders, this one must not.
        if (history.location !== location && history.location.key !== location.key)
            return;`
    }
  ],
  'router/dist/router/page.js': [
    {
      find: `        let pageEl = this.getPageContainer(page);
        if (pageEl) {
            pageEl.classList.remove('taro_page_shade');
            this.addAnimation(pageEl, pageNo === 0);`,
      replace: `        let pageEl = this.getPageContainer(page);
        if (pageEl) {
            // linli: the page comes back before the timer that hides it fired: cancel that timer.
            if (this.hideTimer && this.lastHidePage === pageEl) {
                clearTimeout(this.hideTimer);
                this.hideTimer = null;
            }
            pageEl.classList.remove('taro_page_shade');
            this.addAnimation(pageEl, pageNo === 0);`
    }
  ],
  'router/dist/router/navigation-bar.js': [
    {
      find: `    toHomeFn() {
        reLaunch({ url: this.pageContext.originHomePage });
    }`,
      replace: `    toHomeFn() {
        // linli: home is the first tab page; the first registered page is the login.
        const tabs = this.pageContext.tabBarList;
        reLaunch({ url: tabs.length > 0 ? '/' + tabs[0].pagePath.replace(/^\\/+/, '') : this.pageContext.originHomePage });
    }`
    },
    {
      find: `        this.titleElement.innerHTML = proceedTitle;`,
      replace: `        this.titleElement.textContent = proceedTitle;`
    }
  ],
  // 5. A text field whose value is set before its first render (a form filled from a request
  //    while the component's definition is still loading) throws in `watchValue`, which reads the
  //    native element not yet created. The render applies the value anyway: skip until then.
  'components/dist/components/taro-input-core.js': [
    {
      find: `  watchValue(newValue) {
    const value = fixControlledValue(newValue);`,
      replace: `  watchValue(newValue) {
    // linli: not rendered yet; the first render sets the value.
    if (!this.inputRef)
      return;
    const value = fixControlledValue(newValue);`
    }
  ],
  'components/dist/components/taro-textarea-core.js': [
    {
      find: `    if (this.isComposing)
      return;
    const value = fixControlledValue(newValue);`,
      replace: `    if (this.isComposing)
      return;
    // linli: not rendered yet; the first render sets the value.
    if (!this.textareaRef)
      return;
    const value = fixControlledValue(newValue);`
    }
  ]
}

/** The fixes for a resource path, or null when the file is not one this loader mends. */
function fixesFor(resourcePath) {
  const normal = resourcePath.split('\\').join('/')
  const key = Object.keys(FIXES).find((k) => normal.endsWith(`/@tarojs/${k}`))
  return key ? FIXES[key] : null
}

/** Applies the fixes to one file's text; throws when an expected passage is not there (exactly once). */
function patchRouterSource(source, resourcePath) {
  const fixes = fixesFor(resourcePath)
  if (!fixes) return source
  let out = source
  for (const fix of fixes) {
    const at = out.indexOf(fix.find)
    if (at < 0 || out.indexOf(fix.find, at + 1) >= 0) {
      throw new Error(
        `taro-router-fixes: ${resourcePath} no longer contains the passage this fix replaces exactly once; ` +
          'check the fix against the installed @tarojs package (see config/taro-router-fixes.cjs)'
      )
    }
    out = out.slice(0, at) + fix.replace + out.slice(at + fix.find.length)
  }
  return out
}

/** @this {{ resourcePath: string }} */
function loader(source) {
  return patchRouterSource(source, this.resourcePath)
}

module.exports = loader
module.exports.patchRouterSource = patchRouterSource
module.exports.ROUTER_FILES =
  /[\\/]@tarojs[\\/](router[\\/]dist[\\/]router[\\/](spa|page|navigation-bar)|components[\\/]dist[\\/]components[\\/]taro-(input|textarea)-core)\.js$/
