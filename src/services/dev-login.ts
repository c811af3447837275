import type * as H5 from '../client/transport/h5'
import type { DevPersona } from '../client/transport/h5'

/**
 * The local server's persona login. TARO_ENV is a build-time constant, so in the weapp build the
 * H5 module below is never bundled.
 */
export type { DevPersona }

function h5(): typeof H5 {
  if (process.env.TARO_ENV !== 'h5') throw new Error('dev login exists only in the local H5 build')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../client/transport/h5') as typeof H5
}

export const isDevBuild = process.env.TARO_ENV === 'h5'
export const personas = () => h5().listDevPersonas()
export const signInAs = (id: string) => h5().devLogin(id)
export const hasDevSession = () => (isDevBuild ? h5().devToken() !== '' : false)
export const signOutDev = () => {
  if (isDevBuild) h5().clearDevToken()
}
