import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { StateView } from '../../../../components/StateView'
import { type EventView, checkIn, getEvent } from '../../../../services/event'
import { formatDateTime } from '../../../../utils/time'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { when } from '../../format'
import '../../event.scss'

type Done = OutputOf<'event.checkIn'>

/** The verifier scans the resident's QR code or types the 6-character code under it. */
export default function CheckinPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [event, setEvent] = useState<EventView | null>(null)
  const [code, setCode] = useState('')
  const [done, setDone] = useState<Done[]>([])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  useDidShow(() => {
    void getEvent(id).then((r) => (r.ok ? setEvent(r.data.event) : setError(r.error)))
  })

  const submit = async (value: string) => {
    if (!value.trim()) return
    setBusy(true)
    const r = await checkIn(id, value.trim())
    setBusy(false)
    if (r.ok) {
      setDone([r.data, ...done])
      setError(null)
      setCode('')
      void Taro.showToast({ title: '签到成功', icon: 'success' })
    } else setError(r.error)
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await submit(res.result)
    } catch {
      // Cancelled: nothing to do.
    }
  }

  if (!event) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='checkin-page'>
      <View className='card'>
        <Text className='ev-card__title'>{event.title}</Text>
        <Text className='ev-meta'>时间 {when(event)}</Text>
        <Text className='ev-meta'>
          已确认 {event.confirmed}/{event.capacity}
        </Text>
      </View>
      <View className='card'>
        {process.env.TARO_ENV === 'weapp' ? (
          <Button block type='primary' id='checkin-scan' onClick={() => void scan()}>
            扫描电子票二维码
          </Button>
        ) : null}
        <Text className='ev-label' style={{ marginTop: '24px' }}>
          或输入居民报出的 6 位核销码
        </Text>
        <View className='ev-input'>
          <Input id='checkin-code' value={code} maxLength={200} placeholder='例如 7KQ2MX' onChange={(v: string) => setCode(v.toUpperCase())} />
        </View>
        {error ? (
          <Text className='field-error' id='checkin-error'>
            {error.message}
          </Text>
        ) : null}
        <Button className='btn-block' block type='primary' id='checkin-submit' loading={busy} onClick={() => void submit(code)}>
          核销签到
        </Button>
      </View>
      {done.length ? (
        <View className='card' id='checkin-done'>
          <Text className='section-title'>本次已签到</Text>
          {done.map((d) => (
            <View key={d.signupId} className='list-item'>
              <View style={{ display: 'flex', flexDirection: 'column' }}>
                <Text>
                  {d.name} · {d.householdLabel}
                </Text>
                {d.rewardText ? <Text className='muted'>已发放 {d.rewardText}</Text> : null}
              </View>
              <Text className='muted'>{formatDateTime(d.checkedInAt)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
