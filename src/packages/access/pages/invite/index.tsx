import { Text, View } from '@tarojs/components'
import { useShareAppMessage } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { api } from '../../../../client'
import { fieldError } from '../../../../services/result'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ButtonRow, DateTimeField, Field, Notice, Section, Segmented } from '../../../../ui/kit'
import { PageShell } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import { type VisitorPass, VisitorShare, visitorShare } from '../../components/VisitorShare'
import { useAccessHousehold } from '../../components/use-household'
import '../../access.scss'
import '../../components/access-forms.scss'

const PURPOSES = ['探亲访友', '家政保洁', '维修安装', '快递外卖', '其他'] as const
const DURATIONS = [
  { hours: 2, label: '2 小时' },
  { hours: 4, label: '4 小时' },
  { hours: 8, label: '8 小时' },
  { hours: 24, label: '1 天' },
  { hours: 72, label: '3 天' }
] as const
const USES = [
  { value: '1' as const, label: '1 次' },
  { value: '2' as const, label: '2 次' },
  { value: '4' as const, label: '4 次' },
  { value: '10' as const, label: '10 次' }
]
type Uses = (typeof USES)[number]['value']
/** The fields this form shows errors on; an error on any other (the household) is told under the form. */
const SHOWN = new Set(['visitorName', 'visitorPhone', 'purpose', 'plate', 'validFrom', 'validTo', 'maxUses'])
const HOUR = 3600_000

export default function InviteVisitorPage() {
  const { householdId, communityId, communityName } = useAccessHousehold()

  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [purpose, setPurpose] = useState<string>(PURPOSES[0])
  const [otherPurpose, setOtherPurpose] = useState('')
  const [plate, setPlate] = useState('')
  // From now, for 4 hours: the usual visit. A start chosen earlier than the moment of sending means "from now".
  const [from, setFrom] = useState(() => Date.now())
  const [hours, setHours] = useState<number>(4)
  const [uses, setUses] = useState<Uses>('2')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<VisitorPass | null>(null)
  // The server's verdict is about what was sent: once the form changes, it no longer applies.
  const edit = (change: () => void) => {
    change()
    setError(null)
  }

  // WeChat has no share-success callback: the token in the card's path is what the visitor opens.
  useShareAppMessage(() => (created ? visitorShare(created, communityId, communityName) : { title: '邻里 · 访客邀请', path: '/pages/home/index' }))

  const submit = async () => {
    const validFrom = Math.max(from, Date.now())
    setBusy(true)
    const res = await api.access.createVisitorPass(
      {
        householdId,
        visitorName: name.trim(),
        visitorPhone: phone.trim(),
        purpose: purpose === '其他' ? otherPurpose.trim() : purpose,
        ...(plate.trim() ? { plate: plate.trim() } : {}),
        validFrom,
        validTo: validFrom + hours * HOUR,
        maxUses: Number(uses)
      },
      communityId ? { communityId } : {}
    )
    setBusy(false)
    if (res.ok) {
      setCreated(res.data)
      setError(null)
    } else setError(res.error)
  }

  const another = () => {
    setCreated(null)
    setName('')
    setFrom(Date.now())
  }

  if (created) {
    return (
      <PageShell id='visitor-invite-page'>
        <VisitorShare pass={created} communityId={communityId} communityName={communityName} onAnother={another} />
      </PageShell>
    )
  }

  const err = (path: string) => fieldError(error, path)
  return (
    <PageShell id='visitor-invite-page'>
      <Section title='访客信息'>
        <Field label='访客姓名' required error={err('visitorName')}>
          <Input id='visitor-name' value={name} maxLength={20} placeholder='访客的称呼' onChange={(v: string) => edit(() => setName(v))} />
        </Field>
        <Field label='访客手机号' required hint='仅物业与网格管家可见' error={err('visitorPhone')}>
          <Input id='visitor-phone' type='number' value={phone} maxLength={11} placeholder='11 位手机号' onChange={(v: string) => edit(() => setPhone(v))} />
        </Field>
        <Field label='来访事由' required error={err('purpose')}>
          <View className='choice-list'>
            {PURPOSES.map((p, i) => (
              <Text key={p} id={`visitor-purpose-${i}`} className={`choice ${purpose === p ? 'choice--on' : ''}`} onClick={() => edit(() => setPurpose(p))}>
                {p}
              </Text>
            ))}
          </View>
          {purpose === '其他' ? (
            <Input id='visitor-purpose' value={otherPurpose} maxLength={40} placeholder='请简单说明' onChange={(v: string) => edit(() => setOtherPurpose(v))} />
          ) : null}
        </Field>
        <Field label='车牌号' hint='选填，填写后访客的车可走车行道闸' error={err('plate')}>
          <Input id='visitor-plate' value={plate} maxLength={10} placeholder='例如 浙A12345' onChange={(v: string) => edit(() => setPlate(v))} />
        </Field>
      </Section>
      <Section title='通行范围'>
        <DateTimeField
          id='visitor-from'
          label='到访时间'
          value={from}
          min={Date.now() - 60_000}
          onChange={(ms) => edit(() => setFrom(ms))}
          hint='早于现在的时间按现在开始'
          error={err('validFrom')}
        />
        <Field label='有效时长' error={err('validTo')} hint={`到 ${formatDateTime(Math.max(from, Date.now()) + hours * HOUR)} 为止`}>
          <View className='choice-list'>
            {DURATIONS.map((d) => (
              <Text key={d.hours} id={`visitor-hours-${d.hours}`} className={`choice ${hours === d.hours ? 'choice--on' : ''}`} onClick={() => edit(() => setHours(d.hours))}>
                {d.label}
              </Text>
            ))}
          </View>
        </Field>
        <Field label='可通行次数' error={err('maxUses')}>
          <Segmented id='visitor-uses' value={uses} options={USES} onChange={(v) => edit(() => setUses(v))} />
        </Field>
        {error && !error.fields?.some((f) => SHOWN.has(f.path)) ? <Notice tone='danger'>{error.message}</Notice> : null}
        <ButtonRow>
          <Button id='visitor-create' type='primary' block loading={busy} onClick={() => void submit()}>
            生成访客通行证
          </Button>
        </ButtonRow>
      </Section>
      <Notice>访客打开你分享的卡片即可获得通行码，无需注册或绑定房屋；卡片中不会显示你的姓名和门牌号。</Notice>
    </PageShell>
  )
}
