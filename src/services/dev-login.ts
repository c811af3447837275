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
 * The list is most of what the login page shows. Opened on its link, the page's HTML asks for it
 * before any code loads (src/index.html); otherwise it is asked for when the login's code loads,
 * rather than after its first draw. The page takes that answer once, and asks afresh after.
 */
interface HtmlStart {
  __linliPersonas?: Promise<DevPersona[] | null>
  __linliPersonasList?: DevPersona[] | null
}
const htmlStart = globalThis as HtmlStart
let early: Promise<DevPersona[]> | null = null
export function preloadPersonas(): void {
  if (!isDevBuild || early) return
  const fromHtml = htmlStart.__linliPersonas
  htmlStart.__linliPersonas = undefined
  early = fromHtml ? fromHtml.then((list) => list ?? personas()) : personas()
}
export function takePersonas(): Promise<DevPersona[]> {
  const answer = early ?? personas()
  early = null
  return answer
}
/** The list when it is already here as the page first draws (the HTML's request answered), once. */
export function takeArrivedPersonas(): DevPersona[] | null {
  const list = htmlStart.__linliPersonasList ?? null
  htmlStart.__linliPersonasList = undefined
  if (list) early = null
  return list
}
export const signInAs = (id: string) => h5().devLogin(id)
export const hasDevSession = () => Boolean(h5Extras()?.devToken())
export const signOutDev = () => {
  h5Extras()?.clearDevToken()
}
