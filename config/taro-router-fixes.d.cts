/** Types of the webpack loader beside this file (plain CommonJS: webpack loads it without a compile step). */
declare function loader(this: { resourcePath: string }, source: string): string
declare namespace loader {
  /** The @tarojs/router files the loader mends. */
  const ROUTER_FILES: RegExp
  /** Applies the fixes for `resourcePath` to `source`; other files pass through unchanged. */
  function patchRouterSource(source: string, resourcePath: string): string
}
export = loader
