import { h5Extras } from '../client/transport'
import type * as H5 from '../client/transport/h5'
import type { DevPersona } from '../client/transport/h5'

/** The local server's persona login: it exists only in the local H5 build. */
export type { DevPersona }

function h5(): typeof H5 {
  const extras = h5Extras()
  if (!extras) throw new Error('dev login exists only in the local H5 build')
  return extras
}

export const isDevBuild = process.env.TARO_ENV === 'h5'
export const personas = () => h5().listDevPersonas()

/**
 * The list is most of what the login page shows, so it is asked for when the page's code loads
 * rather than after its first draw; the page takes that answer once, and asks afresh after.
 */
let early: Promise<DevPersona[]> | null = null
export function preloadPersonas(): void {
  if (isDevBuild && !early) early = personas()
}
export function takePersonas(): Promise<DevPersona[]> {
  const answer = early ?? personas()
  early = null
  return answer
}
export const signInAs = (id: string) => h5().devLogin(id)
export const hasDevSession = () => Boolean(h5Extras()?.devToken())
export const signOutDev = () => {
  h5Extras()?.clearDevToken()
}
