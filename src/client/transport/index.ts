import type * as H5 from './h5'
import type { Transport } from './types'
import type * as Weapp from './weapp'

/**
 * The local H5 build's extras (dev sign-in, sandbox payment), null in the weapp build. The require
 * must sit inside the constant `if`: webpack drops a dead branch's requires, but not a require that
 * merely follows a `throw`, and that once shipped the whole H5 transport in the weapp main package.
 */
export function h5Extras(): typeof H5 | null {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./h5') as typeof H5
  }
  return null
}

/** The build picks the transport: TARO_ENV is a compile-time constant, so the weapp build never carries the H5 one. */
export function transport(): Transport {
  const h5 = h5Extras()
  if (h5) return h5.h5Transport
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./weapp') as typeof Weapp).weappTransport
}
