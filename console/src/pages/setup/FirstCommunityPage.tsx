import { useState } from 'react'
import { Button, Card, Form, Input, MessagePlugin } from 'tdesign-react'
import type { ApiError } from '@contracts/errors'
import { api } from '../../client/api'

const FIELDS = [
  { key: 'name', label: '社区名称', placeholder: '例如：临江花园' },
  { key: 'city', label: '城市', placeholder: '例如：杭州' },
  { key: 'address', label: '地址', placeholder: '区、街道和门牌号' },
  { key: 'company', label: '物业公司', placeholder: '物业服务企业的全称' }
] as const
type Key = (typeof FIELDS)[number]['key']

/**
 * What a company administrator sees before any community exists: the form that creates the
 * first one. Its creator becomes its operator, and the console then opens in it.
 */
export function FirstCommunityPage({ name, onCreated, onSignOut }: { name: string; onCreated(): void; onSignOut(): void }) {
  const [values, setValues] = useState<Record<Key, string>>({ name: '', city: '', address: '', company: '' })
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const fieldError = (key: Key) => error?.fields?.find((f) => f.path === key)?.message

  const submit = async () => {
    setBusy(true)
    const res = await api.office.createCommunity(values)
    setBusy(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    setError(null)
    void MessagePlugin.success(`已创建${values.name}`)
    onCreated()
  }

  return (
    <div className='first-community' id='first-community'>
      <div className='first-community__head'>
        <div className='brand first-community__brand'>
          <span className='brand__mark'>邻</span>
          <span className='brand__name'>邻里物业后台</span>
        </div>
        <span className='first-community__user'>
          {name} · 物业公司管理员
          <Button variant='text' theme='primary' onClick={onSignOut}>
            退出登录
          </Button>
        </span>
      </div>
      <Card title='创建第一个社区' bordered={false} subtitle='你是物业公司管理员。创建社区后你将成为它的运营，接着导入楼栋与房屋、邀请员工，就可以邀请住户了。'>
        <Form labelWidth={96} colon={false} onSubmit={() => void submit()}>
          {FIELDS.map((f) => (
            <Form.FormItem key={f.key} label={f.label} requiredMark status={fieldError(f.key) ? 'error' : undefined} tips={fieldError(f.key)}>
              <Input name={f.key} value={values[f.key]} placeholder={f.placeholder} onChange={(v) => setValues((prev) => ({ ...prev, [f.key]: String(v) }))} />
            </Form.FormItem>
          ))}
          {error && !error.fields?.length ? (
            <div className='form-error' id='community-error'>
              {error.message}
            </div>
          ) : null}
          <Form.FormItem>
            <Button id='community-create' theme='primary' type='submit' loading={busy}>
              创建社区
            </Button>
          </Form.FormItem>
        </Form>
      </Card>
    </div>
  )
}
