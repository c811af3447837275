import { Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo } from 'react'
import { encodeQr } from '../../utils/qr/encode'
import { qrDataUri } from '../../utils/qr/png'

/** A QR code of `text`, drawn locally as a PNG data URI (no network, works in WeChat and H5). */
export function QrImage({ text, size = 400, id }: { text: string; size?: number; id?: string }) {
  const src = useMemo(() => (text ? qrDataUri(encodeQr(text)) : ''), [text])
  if (!src) return null
  const side = Taro.pxTransform(size)
  // A square code in a square box: stretched to the box, which H5 lays out like WeChat (aspectFit does not).
  return <Image id={id} src={src} mode='scaleToFill' style={{ width: side, height: side, display: 'block', margin: '0 auto' }} />
}
