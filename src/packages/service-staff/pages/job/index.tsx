import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { api } from '../../../../client'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { PhotoStrip } from '../../../../components/PhotoPicker/PhotoStrip'
import { TextBox } from '../../../../components/TextBox'
import { callPhone } from '../../../../services/phone'
import { fieldError, toastError } from '../../../../services/result'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { parseYuan } from '../../../../utils/money'
import { formatDateTime, shanghai } from '../../../../utils/time'
import { ButtonRow, Chip, Field, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell, useQuery } from '../../../../ui/shell'
import type { Booking } from '../../types'
import '../../../service/service.scss'

/** How often the page looks at the clock, so a step opens when its time comes without a reload. */
const TICK_MS = 30_000

type Step = 'on_way' | 'arrived' | 'check' | 'finish'

/**
 * One job for the worker: on the way, arrived (lateness recorded), each standard item, finished.
 * Each timed step opens at the slot's window the server states (`window`); the booker's phone is
 * shown masked, and calling reveals it through the logged reveal first.
 */
export default function JobPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => api.booking.get({ bookingId: id }), [id], { enabled: id !== '' })
  const [price, setPrice] = useState('')
  const [priceError, setPriceError] = useState('')
  const [busy, setBusy] = useState('')
  // An optional photo per checklist item, uploaded before the item is marked done.
  const [photos, setPhotos] = useState<Record<string, string[]>>({})
  const [uploading, setUploading] = useState<Record<string, boolean>>({})
  const [phone, setPhone] = useState('')
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(t)
  }, [])

  const step = async (b: Booking, s: Step, key?: string) => {
    const quoting = s === 'finish' && b.priceFen === null
    const quoted = parseYuan(price)
    if (quoting && quoted === null) {
      setPriceError(price.trim() ? '请输入正确的金额，如 120 或 120.50' : '请填写上门报价')
      return
    }
    setPriceError('')
    setBusy(key ?? s)
    const photo = key ? photos[key]?.[0] : undefined
    const r = await api.booking.progress({
      bookingId: b.id,
      step: s,
      note: '',
      ...(key ? { key } : {}),
      ...(photo ? { photo } : {}),
      ...(quoting && quoted !== null ? { priceFen: quoted } : {})
    })
    setBusy('')
    if (r.ok) return q.setData({ booking: r.data.booking })
    const onPrice = quoting ? fieldError(r.error, 'priceFen') : undefined
    if (onPrice) setPriceError(onPrice)
    else toastError(r.error)
  }

  const call = async (b: Booking) => {
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
    <PageShell id='job-page' query={q}>
      {({ booking: b }) => {
        const allDone = b.checklist.every((c) => c.doneAt !== null)
        // The server decides; the page only keeps a step that is not open yet from looking tappable.
        const departOpen = now >= b.window.departFrom
        const arriveOpen = now >= b.window.arriveFrom
        const finishOpen = now >= b.window.finishFrom
        const live = b.status === 'confirmed' || b.status === 'on_way' || b.status === 'arrived'
        const slot = `${shanghai(b.slotStart).format('M月D日 HH:mm')}-${shanghai(b.slotEnd).format('HH:mm')}`
        const finishedAt = b.timeline.find((t) => t.key === 'finished')?.at ?? null
        return (
          <>
            <Section title={b.lineName} extra={<Chip id='job-status' text={b.statusLabel} tone={live ? 'primary' : b.status === 'held' ? 'accent' : 'muted'} />}>
              <Text className='sv-meta'>{slot}</Text>
              <Text className='sv-meta'>
                {[b.householdLabel, b.contactName].filter(Boolean).join(' · ')}
              </Text>
              {b.contactPhoneMasked ? (
                <View className='row'>
                  <Text className='sv-meta' id='job-phone'>
                    {phone || b.contactPhoneMasked}
                  </Text>
                  {live ? (
                    <Button id='job-call' size='small' type='primary' fill='outline' loading={busy === 'call'} onClick={() => void call(b)}>
                      拨打电话
                    </Button>
                  ) : null}
                </View>
              ) : null}
              {b.note ? <Text className='sv-meta'>住户备注：{b.note}</Text> : null}
              {b.lateMin !== null ? (
                <Text className='sv-meta' id='job-late'>
                  {b.lateMin > 0 ? `迟到 ${b.lateMin} 分钟` : '准时到达'}
                </Text>
              ) : null}
            </Section>
            {b.status === 'held' ? <Notice tone='warning'>住户尚未完成支付，支付后即可开始服务。</Notice> : null}
            {live && b.window.hint && !(b.status === 'confirmed' ? departOpen : b.status === 'on_way' ? arriveOpen : finishOpen) ? (
              <Notice id='job-window'>
                服务时段 {slot}，{b.window.hint}
              </Notice>
            ) : null}
            {b.status === 'confirmed' || b.status === 'on_way' ? (
              <ButtonRow stacked>
                {b.status === 'confirmed' ? (
                  <Button id='job-onway' block type='primary' disabled={!departOpen} loading={busy === 'on_way'} onClick={() => void step(b, 'on_way')}>
                    出发
                  </Button>
                ) : null}
                <Button
                  id='job-arrived'
                  block
                  type='primary'
                  fill={b.status === 'confirmed' ? 'outline' : 'solid'}
                  disabled={!arriveOpen}
                  loading={busy === 'arrived'}
                  onClick={() => void step(b, 'arrived')}
                >
                  已到达
                </Button>
              </ButtonRow>
            ) : null}
            <Section title='服务标准' id='job-checklist'>
              {b.checklist.map((c, i) => (
                <View key={c.key} className='sv-step'>
                  <View className='sv-step__row'>
                    <View className='sv-check'>
                      <Text className='sv-check__dot'>{c.doneAt !== null ? '✓' : i + 1}</Text>
                      <Text>{c.label}</Text>
                    </View>
                    {c.doneAt !== null ? (
                      <Text className='muted' id={`done-${c.key}`}>
                        {shanghai(c.doneAt).format('HH:mm')}
                      </Text>
                    ) : b.status === 'arrived' ? (
                      <Button id={`check-${c.key}`} size='small' type='primary' loading={busy === c.key} disabled={uploading[c.key] === true} onClick={() => void step(b, 'check', c.key)}>
                        完成
                      </Button>
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
            </Section>
            {b.status === 'arrived' ? (
              <Section>
                {b.priceFen === null ? (
                  <Field label='上门报价（元）' required id='job-price-field' error={priceError || undefined} hint='完工时一并提交，住户按报价付款'>
                    <TextBox
                      id='job-price'
                      type='digit'
                      value={price}
                      maxLength={10}
                      placeholder='例如 180'
                      onChange={(v) => {
                        setPrice(v)
                        setPriceError('')
                      }}
                    />
                  </Field>
                ) : null}
                <Button id='job-finish' block type={allDone ? 'primary' : 'default'} disabled={!allDone || !finishOpen} loading={busy === 'finish'} onClick={() => void step(b, 'finish')}>
                  {allDone ? '完工' : `还有 ${b.checklist.filter((c) => c.doneAt === null).length} 项未完成`}
                </Button>
              </Section>
            ) : null}
            {b.status === 'done' ? (
              <Section title='已完工' id='job-done'>
                {finishedAt !== null ? <Text className='sv-meta'>{formatDateTime(finishedAt)}</Text> : null}
                <Text className='sv-meta'>{b.rating ? `住户评价 ${b.rating.avg.toFixed(1)} 分` : '等待住户评价'}</Text>
              </Section>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
