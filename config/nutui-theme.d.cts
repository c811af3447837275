/** Types of the webpack loader beside this file (plain CommonJS: webpack loads it without a compile step). */
declare function loader(source: string): string
declare namespace loader {
  /** NutUI's default theme stylesheet, the one file the loader changes. */
  const THEME_FILE: RegExp
  /** The theme without its embedded JDZH fonts; throws when it has none to drop. */
  function stripThemeFonts(css: string): string
  /** The theme without the custom properties nothing reads (by default: NutUI's styles and scripts, and ours). */
  function dropUnreadVariables(css: string, read?: ReadonlySet<string>): string
  /** Both: what the build loads. */
  function trimTheme(css: string): string
}
export = loader
