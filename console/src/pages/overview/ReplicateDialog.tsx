import { useState } from 'react'
import { Alert, Button, Dialog, Form, Input } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'
import { useLatest } from '../../shell/use-latest'
import { newRequestId } from '../../../../src/client/core/request-id'

type Copied = OutputOf<'insights.replicate'>

const COPIED: readonly (readonly [keyof Copied['copied'], string])[] = [
  ['serviceLines', '服务项目'],
  ['products', '商品'],
  ['feeItems', '收费项目'],
  ['feeSettings', '到期日与滞纳金'],
  ['eventTemplates', '活动模板'],
  ['couponTemplates', '会员券'],
  ['rules', '规则']
]

/**
 * A new community from this pilot: its catalogue, fees, event templates and rules are copied; its
 * buildings, households and people are its own, set up next with the go-live checklist.
 */
export function ReplicateDialog({ onClose }: { onClose: () => void }) {
  const { community, refresh } = useConsole()
  const [requestId] = useState(newRequestId)
  const [draft, setDraft] = useState({ name: '', city: '', address: '' })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Copied | null>(null)

  const submit = async () => {
    setBusy(true)
    const res = await api.insights.replicate({ ...draft, clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    setDone(res.data)
  }

  const close = useLatest(onClose)
  const openIt = useLatest(() => {
    if (done) void refresh(done.communityId).then(onClose)
  })

  if (done) {
    const lines = COPIED.filter(([key]) => done.copied[key] > 0)
    return (
      <Dialog
        visible
        width={600}
        header={`已创建${draft.name}`}
        onClose={close}
        footer={
          <Button id='replicate-open' theme='primary' onClick={openIt}>
            进入{draft.name}，继续上线准备
          </Button>
        }
      >
        <div className='facts' id='replicate-done'>
          {lines.map(([key, label]) => (
            <div key={key}>
              <span className='facts__label'>{label}</span>已复制 {done.copied[key]} 项
            </div>
          ))}
        </div>
        <Alert theme='info' message='楼栋、房屋、网格与员工属于新社区自己：进入后按上线检查导入房屋、邀请管家、出账。' />
      </Dialog>
    )
  }

  const field = (key: keyof typeof draft, label: string, placeholder: string) => (
    <Form.FormItem label={label} name={key} initialData='' requiredMark {...fieldStatus(error, key)}>
      <Input name={`replicate-${key}`} value={draft[key]} placeholder={placeholder} onChange={(v) => setDraft((d) => ({ ...d, [key]: String(v) }))} />
    </Form.FormItem>
  )
  const formError = formLevelError(error)
  return (
    <FormDialog header={`以${community.name}为样板新建社区`} saveId='replicate-save' saveText='复制并创建' busy={busy} onSave={() => void submit()} onCancel={onClose}>
      <Alert theme='info' message={`复制${community.name}的服务项目、商品与供应商、收费项目、活动模板、会员券与规则；你将成为新社区的运营。`} />
      <Form labelWidth={80} colon={false}>
        {field('name', '社区名称', '例如：滨江花园')}
        {field('city', '城市', '例如：杭州')}
        {field('address', '地址', '区、街道和门牌号')}
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
