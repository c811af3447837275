import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { api } from '../../../../client'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { StateView } from '../../../../components/StateView'
import type { Booking } from '../../../../services/booking'
import { callPhone } from '../../../../services/phone'
import { toastError } from '../../../../services/result'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { Button } from '../../../../ui/nut'
import { formatDateTime, shanghai } from '../../../../utils/time'
import '../../../service/service.scss'
import { parseYuan } from '../../../../utils/money'

/** How often the page looks at the clock, so a step opens when its time comes without a reload. */
const TICK_MS = 30_000

/**
 * One job for the worker: on the way, arrived (lateness recorded), each standard item, finished.
 * Each timed step opens at the slot's window the server states (`window`); the booker's phone is
 * shown masked, and calling reveals it through the logged reveal first.
 */
export default function JobPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [b, setB] = useState<Booking | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [price, setPrice] = useState('')
  const [busy, setBusy] = useState('')
  // An optional photo per checklist item, uploaded before the item is marked done.
  const [photos, setPhotos] = useState<Record<string, string[]>>({})
  const [uploading, setUploading] = useState<Record<string, boolean>>({})
  const [phone, setPhone] = useState('')
  const [now, setNow] = useState(Date.now())
  const load = async () => {
    const r = await api.booking.get({ bookingId: id })
    if (r.ok) setB(r.data.booking)
    else setError(r.error)
  }
  useDidShow(() => void load())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(t)
  }, [])
  if (!b) return <View className='page'><StateView loading={!error} error={error} onRetry={() => void load()} /></View>

  const step = async (s: 'on_way' | 'arrived' | 'check' | 'finish', key?: string) => {
    const quoted = parseYuan(price)
    if (s === 'finish' && b.priceFen === null && price && quoted === null) {
      void Taro.showToast({ title: '请输入正确的金额，如 120 或 120.50', icon: 'none' })
      return
    }
    setBusy(key ?? s)
    const photo = key ? photos[key]?.[0] : undefined
    const r = await api.booking.progress({
      bookingId: b.id,
      step: s,
      note: '',
      ...(key ? { key } : {}),
      ...(photo ? { photo } : {}),
      ...(s === 'finish' && b.priceFen === null && quoted !== null ? { priceFen: quoted } : {})
    })
    setBusy('')
    if (r.ok) setB(r.data.booking)
    else toastError(r.error)
  }
  const allDone = b.checklist.every((c) => c.doneAt !== null)
  // The server decides; the page only keeps a step that is not open yet from looking tappable.
  const departOpen = now >= b.window.departFrom
  const arriveOpen = now >= b.window.arriveFrom
  const finishOpen = now >= b.window.finishFrom
  const live = b.status === 'confirmed' || b.status === 'on_way' || b.status === 'arrived'
  const call = async () => {
    setBusy('call')
    let number = phone
    if (!number) {
      const r = await api.booking.revealPhone({ bookingId: b.id })
      if (!r.ok) {
        setBusy('')
        return toastError(r.error)
      }
      number = r.data.phone
      setPhone(number)
    }
    setBusy('')
    await callPhone(number)
  }
  return (
    <View className='page' id='job-page'>
      <View className='card'>
        <View className='sv-line__top'>
          <Text className='sv-line__name'>{b.lineName}</Text>
          <Text className='badge' id='job-status'>{b.statusLabel}</Text>
        </View>
        <Text className='sv-meta'>{shanghai(b.slotStart).format('M月D日 HH:mm')}-{shanghai(b.slotEnd).format('HH:mm')}</Text>
        <Text className='sv-meta'>{b.householdLabel} · {b.contactName}</Text>
        {b.contactPhoneMasked ? (
          <View className='row'>
            <Text className='sv-meta' id='job-phone'>{phone || b.contactPhoneMasked}</Text>
            {live ? (
              <Button id='job-call' size='small' type='primary' fill='outline' loading={busy === 'call'} onClick={() => void call()}>
                拨打电话
              </Button>
            ) : null}
          </View>
        ) : null}
        {b.note ? <Text className='sv-meta'>住户备注：{b.note}</Text> : null}
        {b.lateMin !== null ? <Text className='sv-meta' id='job-late'>{b.lateMin > 0 ? `迟到 ${b.lateMin} 分钟` : '准时到达'}</Text> : null}
      </View>
      {b.status === 'held' ? <View className='card'><Text className='muted'>住户尚未完成支付，支付后即可开始服务。</Text></View> : null}
      {live && b.window.hint && !(b.status === 'confirmed' ? departOpen : b.status === 'on_way' ? arriveOpen : finishOpen) ? (
        <View className='card'>
          <Text className='muted' id='job-window'>
            服务时段 {shanghai(b.slotStart).format('M月D日 HH:mm')}-{shanghai(b.slotEnd).format('HH:mm')}，{b.window.hint}
          </Text>
        </View>
      ) : null}
      {b.status === 'confirmed' ? (
        <Button id='job-onway' className='btn-block' block type='primary' disabled={!departOpen} loading={busy === 'on_way'} onClick={() => void step('on_way')}>出发</Button>
      ) : null}
      {b.status === 'confirmed' || b.status === 'on_way' ? (
        <Button id='job-arrived' className='btn-block' block type='primary' fill={b.status === 'confirmed' ? 'outline' : 'solid'} disabled={!arriveOpen} loading={busy === 'arrived'} onClick={() => void step('arrived')}>已到达</Button>
      ) : null}
      <View className='card' id='job-checklist'>
        <Text className='section-title'>服务标准</Text>
        {b.checklist.map((c, i) => (
          <View key={c.key} className='sv-step'>
            <View className='sv-step__row'>
              <View className='sv-check'>
                <Text className='sv-check__dot'>{c.doneAt !== null ? '✓' : i + 1}</Text>
                <Text>{c.label}</Text>
              </View>
              {c.doneAt !== null ? (
                <Text className='muted' id={`done-${c.key}`}>{shanghai(c.doneAt).format('HH:mm')}</Text>
              ) : b.status === 'arrived' ? (
                <Button id={`check-${c.key}`} size='small' type='primary' loading={busy === c.key} disabled={uploading[c.key] === true} onClick={() => void step('check', c.key)}>完成</Button>
              ) : (
                <Text className='muted'>待到达</Text>
              )}
            </View>
            {c.doneAt === null && b.status === 'arrived' ? (
              <PhotoPicker
                id={`photo-${c.key}`}
                max={1}
                compact
                value={photos[c.key] ?? []}
                onChange={(ids) => setPhotos((ps) => ({ ...ps, [c.key]: ids }))}
                onBusyChange={(on) => setUploading((u) => ({ ...u, [c.key]: on }))}
                upload={uploadPhoto}
                srcOf={photoSrc}
              />
            ) : null}
            {c.photo ? <PhotoStrip id={`step-photo-${c.key}`} ids={[c.photo]} srcOf={photoSrc} small /> : null}
          </View>
        ))}
      </View>
      {b.status === 'arrived' ? (
        <View className='card'>
          {b.priceFen === null ? (
            <View className='sv-field'>
              <Text className='sv-label'>上门报价（元）</Text>
              <Input id='job-price' className='sv-input' type='digit' value={price} placeholder='例如 180' onInput={(e) => setPrice(e.detail.value)} />
            </View>
          ) : null}
          <Button id='job-finish' className='btn-block' block type={allDone ? 'primary' : 'default'} disabled={!allDone || !finishOpen} loading={busy === 'finish'} onClick={() => void step('finish')}>
            {allDone ? '完工' : `还有 ${b.checklist.filter((c) => c.doneAt === null).length} 项未完成`}
          </Button>
        </View>
      ) : null}
      {b.status === 'done' ? (
        <View className='card' id='job-done'>
          <Text className='section-title'>已完工</Text>
          <Text className='sv-meta'>{b.timeline.find((t) => t.key === 'finished')?.at ? formatDateTime(b.timeline.find((t) => t.key === 'finished')?.at ?? 0) : ''}</Text>
          {b.rating ? <Text className='sv-meta'>住户评价 {b.rating.avg.toFixed(1)} 分</Text> : <Text className='sv-meta'>等待住户评价</Text>}
        </View>
      ) : null}
    </View>
  )
}
