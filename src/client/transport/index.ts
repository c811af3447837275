import type * as H5 from './h5'
import type { Transport } from './types'
import type * as Weapp from './weapp'

/** The build picks the transport: TARO_ENV is a compile-time constant, so the other one is dropped. */
export function transport(): Transport {
  if (process.env.TARO_ENV === 'h5') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('./h5') as typeof H5).h5Transport
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./weapp') as typeof Weapp).weappTransport
}
