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
export const signInAs = (id: string) => h5().devLogin(id)
export const hasDevSession = () => Boolean(h5Extras()?.devToken())
export const signOutDev = () => {
  h5Extras()?.clearDevToken()
}
