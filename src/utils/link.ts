/**
 * A page link with its params: empty values dropped, the rest encoded. Links that can be opened
 * from cold (a share card, a message, a page reloaded in H5) pass `communityId` so the client acts
 * in the community the ids belong to.
 */
export function pageLink(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/**
 * A subpackage page's path: `pkgPage('fee', 'bills', q)` is `/packages/fee/pages/bills/index?<q>`.
 * The home tiles name dozens of pages in the main package, where every byte is counted.
 */
export function pkgPage(pkg: string, page: string, query = ''): string {
  return `/packages/${pkg}/pages/${page}/index${query ? `?${query}` : ''}`
}
