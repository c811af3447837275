import { pageLink } from '../../../src/utils/link'

/**
 * A link a QR code carries to a mini-program page. On CloudBase it is the 普通链接二维码 prefix
 * registered for that page (set when building the console); locally, the H5 app served beside the
 * console, which opens the same page.
 */
export function miniProgramLink(registered: string | undefined, page: string, params: Record<string, string>): string {
  if (!registered) return pageLink(`${window.location.origin}/#${page}`, params)
  const [base = '', query = ''] = registered.split('?')
  const own = new URLSearchParams(query)
  for (const [k, v] of Object.entries(params)) own.set(k, v)
  return `${base}?${own.toString()}`
}
