import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Gate, listGates, registerGate } from '../../../../services/access'
import { fieldError } from '../../../../services/result'
import { Input } from '../../../../ui/form'
import { Button } from '../../../../ui/nut'
import '../../access.scss'

interface DoorDraft {
  name: string
  zone: 'community' | 'building'
  buildingId: string
  vehicle: boolean
}

const blankDoor = (): DoorDraft => ({ name: '', zone: 'community', buildingId: '', vehicle: false })

export default function GateNewPage() {
  const [buildings, setBuildings] = useState<{ id: string; name: string }[] | null>(null)
  const [loadError, setLoadError] = useState<ApiError | null>(null)
  const [gateId, setGateId] = useState('')
  const [name, setName] = useState('')
  const [doors, setDoors] = useState<DoorDraft[]>([blankDoor()])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ gate: Gate; secret: string } | null>(null)
  // The server's verdict is about what was sent: once the form changes, it no longer applies.
  const edit = (change: () => void) => {
    change()
    setError(null)
  }

  useDidShow(() => {
    void listGates().then((r) => (r.ok ? setBuildings(r.data.buildings) : setLoadError(r.error)))
  })

  const patch = (i: number, p: Partial<DoorDraft>) => setDoors((ds) => ds.map((d, k) => (k === i ? { ...d, ...p } : d)))

  const submit = async () => {
    setBusy(true)
    const r = await registerGate({
      gateId,
      name,
      doors: doors.map((d) => ({ name: d.name, zone: d.zone, vehicle: d.vehicle, ...(d.zone === 'building' && d.buildingId ? { buildingId: d.buildingId } : {}) }))
    })
    setBusy(false)
    if (r.ok) {
      setDone(r.data)
      setError(null)
    } else setError(r.error)
  }

  if (done) {
    return (
      <View className='page' id='gate-secret-page'>
        <View className='hero'>
          <Text className='hero-title'>{done.gate.name} 已登记</Text>
          <Text className='hero-sub'>设备编号 {done.gate.id}</Text>
        </View>
        <View className='card'>
          <Text className='section-title'>设备密钥</Text>
          <Text className='warn'>密钥只显示这一次，服务器不会再给出。请现在录入设备或交给安装人员妥善保存。</Text>
          <Text className='secret' id='gate-secret' userSelect>
            {done.secret}
          </Text>
          <View className='spaced'>
            <Button type='primary' block id='gate-secret-copy' onClick={() => void Taro.setClipboardData({ data: done.secret })}>
              复制密钥
            </Button>
          </View>
          <View className='spaced'>
            <Button fill='outline' type='primary' block id='gate-secret-done' onClick={() => void Taro.navigateBack()}>
              我已录入设备
            </Button>
          </View>
        </View>
      </View>
    )
  }
  if (!buildings) return <View className='page'>{<StateView loading={!loadError} error={loadError} />}</View>

  const err = (path: string) => {
    const m = fieldError(error, path)
    return m ? <Text className='field-error'>{m}</Text> : null
  }
  return (
    <View className='page' id='gate-new-page'>
      <View className='card'>
        <View className='form-row'>
          <Text className='form-row__label'>设备编号（印在设备铭牌上）</Text>
          <Input id='gate-id' value={gateId} maxLength={32} placeholder='例如 ly-b1-west' onChange={(v: string) => edit(() => setGateId(v))} />
          {err('gateId')}
        </View>
        <View className='form-row'>
          <Text className='form-row__label'>名称</Text>
          <Input id='gate-name' value={name} maxLength={20} placeholder='例如 1栋西门' onChange={(v: string) => edit(() => setName(v))} />
          {err('name')}
        </View>
      </View>
      {doors.map((d, i) => (
        <View key={i} className='card' id={`door-${i}`}>
          <View className='item-head'>
            <Text className='item-title'>门 {i + 1}</Text>
            {doors.length > 1 ? (
              <Text className='muted' onClick={() => setDoors((ds) => ds.filter((_, k) => k !== i))}>
                删除
              </Text>
            ) : null}
          </View>
          <View className='form-row'>
            <Text className='form-row__label'>门的名称</Text>
            <Input id={`door-${i}-name`} value={d.name} maxLength={20} placeholder='例如 单元门' onChange={(v: string) => edit(() => patch(i, { name: v }))} />
            {err(`doors.${i}.name`)}
          </View>
          <View className='form-row'>
            <Text className='form-row__label'>谁可以通行</Text>
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
                  <Text
                    key={b.id}
                    id={`door-${i}-b-${b.id}`}
                    className={`choice ${d.buildingId === b.id ? 'choice--on' : ''}`}
                    onClick={() => patch(i, { buildingId: b.id })}
                  >
                    {b.name}
                  </Text>
                ))}
              </View>
            ) : null}
            {err(`doors.${i}.buildingId`)}
          </View>
          <View className='form-row'>
            <Text className='form-row__label'>类型</Text>
            <View className='choice-list'>
              <Text className={`choice ${!d.vehicle ? 'choice--on' : ''}`} onClick={() => patch(i, { vehicle: false })}>
                人行
              </Text>
              <Text id={`door-${i}-vehicle`} className={`choice ${d.vehicle ? 'choice--on' : ''}`} onClick={() => patch(i, { vehicle: true })}>
                车行道闸
              </Text>
            </View>
          </View>
        </View>
      ))}
      {doors.length < 8 ? (
        <Button block fill='outline' type='primary' id='door-add' onClick={() => setDoors((ds) => [...ds, blankDoor()])}>
          再加一扇门
        </Button>
      ) : null}
      {error && !error.fields?.length ? <Text className='field-error'>{error.message}</Text> : null}
      <View className='spaced'>
        <Button id='gate-submit' type='primary' block loading={busy} onClick={() => void submit()}>
          登记并生成设备密钥
        </Button>
      </View>
    </View>
  )
}
