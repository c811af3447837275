import { useEffect, useState } from 'react'
import { encodeQr } from '../../../../src/utils/qr/encode'
import { qrDataUri } from '../../../../src/utils/qr/png'

/** QR codes drawn per turn of the event loop: a whole community's slips never freeze the page. */
const PER_TURN = 40

/**
 * The QR image of each link, drawn a few at a time after the slips appear, with how many are done:
 * printing waits for all of them, while the clerk sees the sheet fill in.
 */
export function useQrImages(items: readonly { key: string; link: string }[], targetPx: number): { images: ReadonlyMap<string, string>; done: number } {
  const [state, setState] = useState<{ images: Map<string, string>; done: number }>({ images: new Map(), done: 0 })
  useEffect(() => {
    const images = new Map<string, string>()
    let next = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const turn = () => {
      const end = Math.min(next + PER_TURN, items.length)
      for (; next < end; next++) {
        const item = items[next]
        if (item) images.set(item.key, qrDataUri(encodeQr(item.link), targetPx))
      }
      setState({ images: new Map(images), done: next })
      if (next < items.length) timer = setTimeout(turn, 0)
    }
    turn()
    return () => clearTimeout(timer)
  }, [items, targetPx])
  return state
}
