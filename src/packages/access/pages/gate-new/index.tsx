import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { fieldError } from '../../../../services/result'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Field, Icon, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { type DoorDraft, MAX_DOORS, blankDoor, doorsInput } from '../../../../utils/gate-draft'
import '../../access.scss'
import '../../components/access-forms.scss'

type Registered = OutputOf<'access.registerGate'>


export default function GateNewPage() {
  const q = useQuery(() => api.access.listGates({}), [])
  const [gateId, setGateId] = useState('')
  const [name, setName] = useState('')
  const [doors, setDoors] = useState<DoorDraft[]>([blankDoor()])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Registered | null>(null)
  // The server's verdict is about what was sent: once the form changes, it no longer applies.
  const edit = (change: () => void) => {
    change()
    setError(null)
  }
  const patch = (i: number, p: Partial<DoorDraft>) => edit(() => setDoors((ds) => ds.map((d, k) => (k === i ? { ...d, ...p } : d))))

  const submit = async () => {
    setBusy(true)
    const r = await api.access.registerGate({
      gateId: gateId.trim(),
      name: name.trim(),
      doors: doorsInput(doors)
    })
    setBusy(false)
    if (r.ok) {
      setDone(r.data)
      setError(null)
    } else setError(r.error)
  }

  if (done) {
    return (
      <PageShell id='gate-secret-page'>
        <View className='hero'>
          <Text className='hero-title'>{done.gate.name} 已登记</Text>
          <Text className='hero-sub'>设备编号 {done.gate.id}</Text>
          <Text className='hero-sub'>
            设备录入编号 <Text id='gate-device-id'>{done.gate.deviceId}</Text>
          </Text>
        </View>
        <Section title='设备密钥'>
          <Notice tone='warning'>密钥只显示这一次，服务器不会再给出。请现在录入设备，或交给安装人员妥善保存。</Notice>
          <Text className='secret' id='gate-secret' userSelect>
            {done.secret}
          </Text>
          <ButtonRow stacked>
            <Button type='primary' block id='gate-secret-copy' onClick={() => void Taro.setClipboardData({ data: done.secret })}>
              复制密钥
            </Button>
            <Button fill='outline' type='primary' block id='gate-secret-done' onClick={() => void Taro.navigateBack()}>
              我已录入设备
            </Button>
          </ButtonRow>
        </Section>
      </PageShell>
    )
  }

  const err = (path: string) => fieldError(error, path)
  return (
    <PageShell id='gate-new-page' query={q}>
      {({ buildings }) => (
        <>
          <Section title='设备'>
            <Field label='设备编号' required hint='印在设备铭牌上' error={err('gateId')}>
              <Input id='gate-id' value={gateId} maxLength={32} placeholder='例如 ly-b1-west' onChange={(v: string) => edit(() => setGateId(v))} />
            </Field>
            <Field label='名称' required error={err('name')}>
              <Input id='gate-name' value={name} maxLength={20} placeholder='例如 1栋西门' onChange={(v: string) => edit(() => setName(v))} />
            </Field>
          </Section>
          {doors.map((d, i) => (
            <Section
              key={i}
              id={`door-${i}`}
              title={`门 ${i + 1}`}
              extra={
                doors.length > 1 ? (
                  <View className='door-remove' id={`door-${i}-remove`} onClick={() => edit(() => setDoors((ds) => ds.filter((_, k) => k !== i)))}>
                    <Icon name='close' size='s' color='muted' />
                    <Text>删除</Text>
                  </View>
                ) : null
              }
            >
              <Field label='门的名称' required error={err(`doors.${i}.name`)}>
                <Input id={`door-${i}-name`} value={d.name} maxLength={20} placeholder='例如 单元门' onChange={(v: string) => patch(i, { name: v })} />
              </Field>
              <Field label='谁可以通行' error={err(`doors.${i}.buildingId`) ?? err(`doors.${i}.zone`)}>
                <View className='choice-list'>
                  <Text id={`door-${i}-community`} className={`choice ${d.zone === 'community' ? 'choice--on' : ''}`} onClick={() => patch(i, { zone: 'community', buildingId: '' })}>
                    全小区住户（大门）
                  </Text>
                  <Text id={`door-${i}-building`} className={`choice ${d.zone === 'building' ? 'choice--on' : ''}`} onClick={() => patch(i, { zone: 'building' })}>
                    某一栋楼（单元门）
                  </Text>
                </View>
                {d.zone === 'building' ? (
                  <View className='choice-list'>
                    {buildings.map((b) => (
                      <Text key={b.id} id={`door-${i}-b-${b.id}`} className={`choice ${d.buildingId === b.id ? 'choice--on' : ''}`} onClick={() => patch(i, { buildingId: b.id })}>
                        {b.name}
                      </Text>
                    ))}
                  </View>
                ) : null}
              </Field>
              <Field label='类型'>
                <View className='choice-list'>
                  <Text id={`door-${i}-walk`} className={`choice ${!d.vehicle ? 'choice--on' : ''}`} onClick={() => patch(i, { vehicle: false })}>
                    人行
                  </Text>
                  <Text id={`door-${i}-vehicle`} className={`choice ${d.vehicle ? 'choice--on' : ''}`} onClick={() => patch(i, { vehicle: true })}>
                    车行道闸
                  </Text>
                </View>
              </Field>
            </Section>
          ))}
          {error && !error.fields?.length ? <Notice tone='danger'>{error.message}</Notice> : null}
          {err('doors') ? <Notice tone='danger'>{err('doors')}</Notice> : null}
          <ButtonRow stacked>
            {doors.length < MAX_DOORS ? (
              <Button block fill='outline' type='primary' id='door-add' onClick={() => edit(() => setDoors((ds) => [...ds, blankDoor()]))}>
                再加一扇门
              </Button>
            ) : null}
            <Button id='gate-submit' type='primary' block loading={busy} onClick={() => void submit()}>
              登记并生成设备密钥
            </Button>
          </ButtonRow>
        </>
      )}
    </PageShell>
  )
}
