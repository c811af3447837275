/** Types of the webpack loader beside this file (plain CommonJS: webpack loads it without a compile step). */
declare function loader(source: string): string
declare namespace loader {
  /** NutUI's button stylesheet, the one file the loader changes. */
  const BUTTON_FILE: RegExp
  /** The variants whose rules stay: what src/ui/nut.ts lets a page ask for. */
  const KEPT: { type: readonly string[]; size: readonly string[]; fill: readonly string[] }
  /** The stylesheet without the rules for other variants; throws when it finds none to drop. */
  function dropUnusedVariants(css: string): string
}
export = loader
