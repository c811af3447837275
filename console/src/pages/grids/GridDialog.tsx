import { useState } from 'react'
import { Alert, Form, Input, Select } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../client/api'
import { navigate } from '../../router'
import { fieldStatus, formLevelError } from '../../shell/field-status'
import { FormDialog } from '../../shell/FormDialog'

type Grids = OutputOf<'office.grids'>
export type GridDraft = { id?: string; name: string; butlerUserId: string; buildingIds: string[] }

/** A grid's name, butler and buildings; a building chosen from another grid moves here. */
export function GridDialog({ data, draft, onClose }: { data: Grids; draft: GridDraft; onClose: (saved: string | null) => void }) {
  const [value, setValue] = useState(draft)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const gridName = new Map(data.grids.map((g) => [g.id, g.name]))
  const moving = value.buildingIds
    .map((id) => data.buildings.find((b) => b.id === id))
    .filter((b) => b?.gridId && b.gridId !== value.id)
    .map((b) => `${b?.name ?? ''}（原属${gridName.get(b?.gridId ?? '') ?? ''}）`)

  const submit = async () => {
    setBusy(true)
    const res = await api.office.saveGrid({ ...(value.id ? { id: value.id } : {}), name: value.name, butlerUserId: value.butlerUserId, buildingIds: value.buildingIds })
    setBusy(false)
    if (!res.ok) return setError(res.error)
    onClose(value.name)
  }
  const formError = formLevelError(error)

  return (
    <FormDialog header={value.id ? `修改${draft.name}` : '新建网格'} width={640} saveId='grid-save' busy={busy} disabled={data.butlers.length === 0} onSave={() => void submit()} onCancel={() => onClose(null)}>
      {data.butlers.length === 0 ? (
        <Alert
          theme='warning'
          message='社区还没有网格管家。请先在「工作人员」中邀请管家，对方接受后即可在这里指派。'
          operation={<span onClick={() => navigate('/staff')}>去邀请</span>}
        />
      ) : null}
      <Form labelWidth={88} colon={false} onSubmit={() => void submit()}>
        <Form.FormItem label='网格名称' name='name' initialData={draft.name} requiredMark {...fieldStatus(error, 'name')}>
          <Input name='grid-name' value={value.name} placeholder='例如：东区网格' onChange={(v) => setValue((p) => ({ ...p, name: String(v) }))} />
        </Form.FormItem>
        <Form.FormItem label='网格管家' name='butlerUserId' initialData={draft.butlerUserId} requiredMark {...fieldStatus(error, 'butlerUserId')}>
          <Select
            className='grid-butler'
            value={value.butlerUserId}
            placeholder='选择负责这个网格的管家'
            onChange={(v) => setValue((p) => ({ ...p, butlerUserId: String(v ?? '') }))}
            options={data.butlers.map((b) => ({ value: b.userId, label: b.nickname }))}
          />
        </Form.FormItem>
        <Form.FormItem label='楼栋' name='buildingIds' initialData={draft.buildingIds} requiredMark {...fieldStatus(error, 'buildingIds')}>
          <Select
            className='grid-buildings'
            multiple
            filterable
            minCollapsedNum={12}
            value={value.buildingIds}
            placeholder='选择网格包含的楼栋'
            onChange={(v) => setValue((p) => ({ ...p, buildingIds: Array.isArray(v) ? v.map(String) : [] }))}
            options={data.buildings.map((b) => ({
              value: b.id,
              label: b.gridId && b.gridId !== value.id ? `${b.name}（${b.households} 户 · ${gridName.get(b.gridId) ?? ''}）` : `${b.name}（${b.households} 户）`
            }))}
          />
        </Form.FormItem>
        {moving.length > 0 ? <Alert theme='info' message={`保存后这些楼栋将移入本网格：${moving.join('、')}`} /> : null}
        {formError ? <Alert theme='error' message={formError} /> : null}
      </Form>
    </FormDialog>
  )
}
