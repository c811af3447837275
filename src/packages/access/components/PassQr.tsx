import { Image, Text, View } from '@tarojs/components'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { PassCodeT } from '@contracts/access'
import { encodeQr } from '../../../utils/qr/encode'
import { qrDataUri } from '../../../utils/qr/png'

export interface PassBatch {
  serverTime: number
  refreshSec: number
  codes: PassCodeT[]
}

/**
 * Shows the batch's codes in turn on the server's clock (the phone's may be off), with a
 * countdown to the next one. Asks for a new batch when the last code comes up, so a page left
 * open keeps working, and at most every half period, so a short visitor window cannot loop.
 */
export function PassQr(props: { batch: PassBatch; receivedAt: number; onLow: () => void; onRefresh: () => void; busy?: boolean }) {
  const { batch, receivedAt, onLow } = props
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [])

  const serverNow = now + (batch.serverTime - receivedAt)
  const period = batch.refreshSec * 1000
  let index = -1
  batch.codes.forEach((c, i) => {
    if (c.notBefore <= serverNow) index = i
  })
  const found = batch.codes[index]
  const current = found && serverNow < found.expiresAt ? found : null
  const next = batch.codes[index + 1]
  const switchAt = next ? next.notBefore : (current?.expiresAt ?? serverNow)
  const secondsLeft = Math.max(0, Math.ceil((switchAt - serverNow) / 1000))

  const asked = useRef<PassBatch | null>(null)
  const last = batch.codes[batch.codes.length - 1]
  const low = !last || serverNow >= last.notBefore - period
  useEffect(() => {
    if (low && asked.current !== batch && now - receivedAt >= period / 2) {
      asked.current = batch
      onLow()
    }
  }, [low, batch, now, receivedAt, period, onLow])

  const code = current?.code ?? ''
  const image = useMemo(() => (code ? qrDataUri(encodeQr(code)) : ''), [code])

  return (
    <View className='pass-qr' id='pass-qr'>
      {image ? (
        <Image className='pass-qr__img' id='pass-qr-img' src={image} mode='aspectFit' />
      ) : (
        <View className='pass-qr__expired' id='pass-qr-expired'>
          <Text>通行码已过期</Text>
          <Text>请点下方「换一个」</Text>
        </View>
      )}
      {current ? (
        <>
          <Text className='pass-qr__countdown' id='pass-countdown'>
            <Text className='pass-qr__num'>{secondsLeft}</Text> 秒后自动刷新
          </Text>
          <View className='pass-qr__bar'>
            <View className='pass-qr__bar-fill' style={{ width: `${Math.min(100, (secondsLeft * 1000 * 100) / period)}%` }} />
          </View>
        </>
      ) : null}
      <Text className='pass-refresh' id='pass-refresh' onClick={props.onRefresh}>
        {props.busy ? '正在获取…' : '换一个'}
      </Text>
    </View>
  )
}
