import { Picker, Text, View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { type VisitorPass, createVisitorPass, visitorPath } from '../../../../services/access'
import { fieldError } from '../../../../services/result'
import { currentMe } from '../../../../services/session'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { formatDateTime, shanghai } from '../../../../utils/time'
import { VisitorShare } from '../../components/VisitorShare'
import '../../access.scss'

const PURPOSES = ['探亲访友', '家政保洁', '维修安装', '快递外卖', '其他'] as const
const DURATIONS = [
  { hours: 2, label: '2 小时' },
  { hours: 4, label: '4 小时' },
  { hours: 8, label: '8 小时' },
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' }
] as const
const USES = [1, 2, 4, 10] as const

/** A date and a time picked on the form, read as Beijing time whatever the phone's zone. */
function shanghaiMs(date: string, time: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number)
  const [hh = 0, mm = 0] = time.split(':').map(Number)
  return Date.UTC(y, m - 1, d, hh, mm) - 8 * 3600_000
}

export default function InviteVisitorPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const communityName = current?.communityName ?? ''

  const start = shanghai(Date.now())
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [purpose, setPurpose] = useState<string>(PURPOSES[0])
  const [otherPurpose, setOtherPurpose] = useState('')
  const [plate, setPlate] = useState('')
  const [date, setDate] = useState(start.format('YYYY-MM-DD'))
  const [time, setTime] = useState(start.format('HH:mm'))
  const [hours, setHours] = useState<number>(4)
  const [uses, setUses] = useState<number>(2)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<VisitorPass | null>(null)
  // The server's verdict is about what was sent: once the form changes, it no longer applies.
  const edit = (change: () => void) => {
    change()
    setError(null)
  }

  // WeChat has no share-success callback: the token in the card's path is what the visitor opens.
  useShareAppMessage(() => ({
    title: created ? `${created.visitorName}，邀请你到访${communityName}` : '邻里 · 访客邀请',
    path: created ? visitorPath(created.token) : '/pages/home/index'
  }))

  const submit = async () => {
    const now = Date.now()
    // A start earlier today means "from now".
    const validFrom = Math.max(shanghaiMs(date, time), now)
    setBusy(true)
    const res = await createVisitorPass(
      {
        householdId,
        visitorName: name,
        visitorPhone: phone,
        purpose: purpose === '其他' ? otherPurpose : purpose,
        ...(plate.trim() ? { plate } : {}),
        validFrom,
        validTo: validFrom + hours * 3600_000,
        maxUses: uses
      },
      communityId
    )
    setBusy(false)
    if (res.ok) {
      setCreated(res.data)
      setError(null)
    } else setError(res.error)
  }

  if (created) return <VisitorShare pass={created} communityName={communityName} onAnother={() => setCreated(null)} />

  const err = (path: string) => {
    const m = fieldError(error, path)
    return m ? <Text className='field-error'>{m}</Text> : null
  }
  const other = !error?.fields?.length && error ? <Text className='field-error'>{error.message}</Text> : null
  return (
    <View className='page' id='visitor-invite-page'>
      <View className='card'>
        <View className='form-row'>
          <Text className='form-row__label'>访客姓名</Text>
          <Input id='visitor-name' value={name} maxLength={20} placeholder='访客的称呼' onChange={(v: string) => edit(() => setName(v))} />
          {err('visitorName')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>访客手机号</Text>
          <Input id='visitor-phone' type='number' value={phone} maxLength={11} placeholder='仅物业与网格管家可见' onChange={(v: string) => edit(() => setPhone(v))} />
          {err('visitorPhone')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>来访事由</Text>
          <View className='choice-list'>
            {PURPOSES.map((p) => (
              <Text key={p} className={`choice ${purpose === p ? 'choice--on' : ''}`} onClick={() => setPurpose(p)}>
                {p}
              </Text>
            ))}
          </View>
          {purpose === '其他' ? (
            <Input id='visitor-purpose' value={otherPurpose} maxLength={40} placeholder='请简单说明' onChange={(v: string) => edit(() => setOtherPurpose(v))} />
          ) : null}
          {err('purpose')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>车牌号（选填，填写后可走车行道闸）</Text>
          <Input id='visitor-plate' value={plate} maxLength={10} placeholder='例如 浙A12345' onChange={(v: string) => edit(() => setPlate(v))} />
          {err('plate')}
        </View>
      </View>
      <View className='card'>
        <View className='form-row'>
          <Text className='form-row__label'>到访时间</Text>
          <View className='picker-row'>
            <Picker mode='date' value={date} start={start.format('YYYY-MM-DD')} onChange={(e) => edit(() => setDate(String(e.detail.value)))}>
              <Text className='picker' id='visitor-date'>
                {date} ▾
              </Text>
            </Picker>
            <Picker mode='time' value={time} onChange={(e) => edit(() => setTime(String(e.detail.value)))}>
              <Text className='picker' id='visitor-time'>
                {time} 起 ▾
              </Text>
            </Picker>
          </View>
          {err('validFrom')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>有效时长</Text>
          <View className='choice-list'>
            {DURATIONS.map((d) => (
              <Text key={d.hours} id={`visitor-hours-${d.hours}`} className={`choice ${hours === d.hours ? 'choice--on' : ''}`} onClick={() => edit(() => setHours(d.hours))}>
                {d.label}
              </Text>
            ))}
          </View>
          <Text className='muted'>至 {formatDateTime(Math.max(shanghaiMs(date, time), Date.now()) + hours * 3600_000)}</Text>
          {err('validTo')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>可通行次数</Text>
          <View className='choice-list'>
            {USES.map((u) => (
              <Text key={u} id={`visitor-uses-${u}`} className={`choice ${uses === u ? 'choice--on' : ''}`} onClick={() => setUses(u)}>
                {u} 次
              </Text>
            ))}
          </View>
          {err('maxUses')}
        </View>
        {other}
        <View className='spaced'>
          <Button id='visitor-create' type='primary' block loading={busy} onClick={() => void submit()}>
            生成访客通行证
          </Button>
        </View>
      </View>
      <Text className='pass-note'>访客打开你分享的卡片即可获得通行码，无需注册或绑定房屋；卡片中不会显示你的姓名和门牌号。</Text>
    </View>
  )
}
