import { useState } from 'react'
import { Alert, Button, Checkbox, Dialog, Form, Input, MessagePlugin, Select } from 'tdesign-react'
import { AddIcon, CopyIcon, DeleteIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../client/api'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { useLatest } from '../../shell/use-latest'
import { type DoorDraft, MAX_DOORS, blankDoor, doorsInput } from './gate-draft'

type Registered = OutputOf<'access.registerGate'>

/**
 * Registers a gate device and the doors it opens. Its secret is shown once, here, to be typed into
 * the device: the server keeps it sealed and never shows it again.
 */
export function GateDialog({ buildings, onClose }: { buildings: { id: string; name: string }[]; onClose: (registered: boolean) => void }) {
  const [gateId, setGateId] = useState('')
  const [name, setName] = useState('')
  const [doors, setDoors] = useState<DoorDraft[]>([blankDoor()])
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Registered | null>(null)
  const patch = (i: number, p: Partial<DoorDraft>) => setDoors((ds) => ds.map((d, k) => (k === i ? { ...d, ...p } : d)))

  const submit = async () => {
    setBusy(true)
    const res = await api.access.registerGate({
      gateId: gateId.trim(),
      name,
      doors: doorsInput(doors)
    })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    setError(null)
    setDone(res.data)
  }

  const configured = useLatest(() => onClose(true))
  if (done) {
    const copy = async () => {
      try {
        await navigator.clipboard.writeText(done.secret)
        void MessagePlugin.success('设备密钥已复制')
      } catch {
        void MessagePlugin.warning('浏览器不允许复制，请手动选中复制')
      }
    }
    return (
      <Dialog
        visible
        width={640}
        header={`${done.gate.name} 已登记`}
        onClose={configured}
        footer={
          <Button id='gate-done' theme='primary' onClick={configured}>
            我已配置到设备
          </Button>
        }
      >
        <Alert theme='warning' message='设备密钥只显示这一次。请现在配置到门禁设备里；关闭后无法再查看，只能重新登记。' />
        <div className='facts' id='gate-secret'>
          <div>
            <span className='facts__label'>设备编号</span>
            <code>{done.gate.deviceId}</code>
          </div>
          <div>
            <span className='facts__label'>设备密钥</span>
            <code className='secret'>{done.secret}</code>
            <Button variant='text' theme='primary' icon={<CopyIcon />} onClick={() => void copy()}>
              复制
            </Button>
          </div>
        </div>
      </Dialog>
    )
  }

  const formError = formLevelError(error)
  return (
    <FormDialog header='登记门禁设备' width={760} saveId='gate-save' saveText='登记' busy={busy} onSave={() => void submit()} onCancel={() => onClose(false)}>
      <Form labelWidth={88} colon={false}>
        <Form.FormItem label='设备编号' name='gateId' initialData='' requiredMark {...fieldStatus(error, 'gateId')} help='设备上配置的编号：3-32 位字母、数字、- 或 _，社区内不重复'>
          <Input name='gate-id' value={gateId} placeholder='例如 east-gate-1' onChange={(v) => setGateId(String(v))} />
        </Form.FormItem>
        <Form.FormItem label='设备名称' name='name' initialData='' requiredMark {...fieldStatus(error, 'name')}>
          <Input name='gate-name' value={name} placeholder='例如：东门人行闸机' onChange={(v) => setName(String(v))} />
        </Form.FormItem>
        <Form.FormItem label='门' requiredMark {...fieldStatus(error, 'doors')}>
          <div className='doors'>
            {doors.map((d, i) => (
              <div className='doors__row' key={i}>
                <Input className='doors__name' value={d.name} placeholder='门的名称，如：东门' status={error?.fields?.some((f) => f.path === `doors.${i}.name`) ? 'error' : undefined} onChange={(v) => patch(i, { name: String(v) })} />
                <Select
                  className='doors__zone'
                  style={{ width: 120 }}
                  value={d.zone}
                  onChange={(v) => patch(i, { zone: v === 'building' ? 'building' : 'community' })}
                  options={[
                    { value: 'community', label: '小区大门' },
                    { value: 'building', label: '楼栋门' }
                  ]}
                />
                {d.zone === 'building' ? (
                  <Select className='doors__building' style={{ width: 140 }} value={d.buildingId} placeholder='哪栋楼' onChange={(v) => patch(i, { buildingId: String(v ?? '') })} options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
                ) : null}
                <Checkbox checked={d.vehicle} onChange={(v) => patch(i, { vehicle: Boolean(v) })}>
                  车行
                </Checkbox>
                {doors.length > 1 ? <Button variant='text' shape='square' icon={<DeleteIcon />} onClick={() => setDoors((ds) => ds.filter((_, k) => k !== i))} /> : null}
              </div>
            ))}
            {doors.length < MAX_DOORS ? (
              <Button variant='dashed' icon={<AddIcon />} onClick={() => setDoors((ds) => [...ds, blankDoor()])}>
                再加一扇门
              </Button>
            ) : null}
          </div>
        </Form.FormItem>
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
