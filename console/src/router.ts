import { useEffect, useState } from 'react'

/**
 * Hash routes (`/console/#/sessions?x=1`): every page opens from a cold link on any static host,
 * CloudBase's included, with no rewrite rules.
 */
export interface Route {
  path: string
  params: URLSearchParams
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/'
  const [path = '/', query = ''] = raw.split('?')
  return { path: path.startsWith('/') ? path : `/${path}`, params: new URLSearchParams(query) }
}

export function currentRoute(): Route {
  return parse(window.location.hash)
}

/** Where the page is, as a link that comes back to it after signing in. */
export function currentLink(): string {
  return window.location.hash.replace(/^#/, '') || '/'
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const hash = `#${to}`
  if (opts.replace) window.location.replace(hash)
  else window.location.hash = hash
}

export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const on = () => setRoute(currentRoute())
    window.addEventListener('hashchange', on)
    return () => window.removeEventListener('hashchange', on)
  }, [])
  return route
}
