import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { api, goHome, refreshMe, switchContext, useSession } from '../../../../client'
import { newRequestId } from '../../../../services/request-id'
import { fieldError, toastError } from '../../../../services/result'
import { TextBox } from '../../../../components/TextBox'
import { ActionBar, ButtonRow, Field, KVList, Notice, Section } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { PageShell } from '../../../../ui/shell'
import '../../insights-admin.scss'

type Replicated = OutputOf<'insights.replicate'>

const COPIED_LABELS: Record<keyof Replicated['copied'], string> = {
  serviceLines: '服务项目（含服务标准）',
  products: '严选商品',
  feeItems: '收费项目',
  feeSettings: '缴费设置',
  eventTemplates: '活动模板',
  couponTemplates: '优惠券模板（库存清零）',
  rules: '积分与分群规则'
}

/**
 * Acts in the community just replicated: the session, reloaded, now lists the operator role there.
 * Until it does (a slow write elsewhere), the person is told to pick it later.
 */
async function switchToCommunity(communityId: string): Promise<ApiError | null> {
  const me = await refreshMe()
  if (!me.ok) return me.error
  const ctx = me.data.contexts.find((c) => c.communityId === communityId && c.role === 'operator')
  if (!ctx) return { code: 'CONTEXT.NOT_AVAILABLE', message: '新社区的运营身份尚未生效，请稍后在「切换身份」中选择', requestId: '' }
  const r = await switchContext(ctx)
  return r.ok ? null : r.error
}

/** Operator: copy this pilot community's catalog, fee items, event templates and rules into a new community. */
export default function ReplicatePage() {
  const { me } = useSession()
  const [name, setName] = useState('')
  const [city, setCity] = useState('')
  const [address, setAddress] = useState('')
  const [requestId, setRequestId] = useState(newRequestId)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<(Replicated & { name: string }) | null>(null)
  const [switching, setSwitching] = useState(false)

  const submit = async () => {
    setBusy(true)
    const r = await api.insights.replicate({ name, city, address, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setError(null)
    setDone({ ...r.data, name: name.trim() })
    setRequestId(newRequestId())
  }

  const switchNow = async () => {
    if (!done) return
    setSwitching(true)
    const failed = await switchToCommunity(done.communityId)
    setSwitching(false)
    if (failed) return toastError(failed)
    void Taro.showToast({ title: `已切换到${done.name}`, icon: 'none' })
    goHome()
  }

  const err = (path: string) => fieldError(error, path)
  /** Typing answers the error shown: it goes until the next submit. */
  const edit = (apply: () => void) => {
    apply()
    if (error) setError(null)
  }
  if (done) {
    return (
      <PageShell id='ia-replicate'>
        <Section id='replicate-done' title={`已创建「${done.name}」`}>
          <Text className='ia-note'>从 {me?.current?.communityName ?? '当前社区'} 复制了：</Text>
          <KVList rows={(Object.keys(COPIED_LABELS) as (keyof Replicated['copied'])[]).map((k) => ({ label: COPIED_LABELS[k], value: String(done.copied[k]), id: `copied-${k}-n` }))} />
          <Notice tone='info'>楼栋、住户、订单和师傅不会复制：新社区需要录入自己的楼栋与住户。你已是新社区的运营。</Notice>
        </Section>
        <ButtonRow stacked>
          <Button id='replicate-switch' type='primary' loading={switching} onClick={() => void switchNow()}>
            切换到新社区
          </Button>
          <Button id='replicate-stay' fill='outline' onClick={() => void Taro.navigateBack()}>
            留在当前社区
          </Button>
        </ButtonRow>
      </PageShell>
    )
  }
  return (
    <PageShell id='ia-replicate'>
      <Section title={`以${me?.current?.communityName ?? '本社区'}为样板复制新社区`}>
        <Text className='ia-note ia-note--block'>复制服务项目与服务标准、严选商品、收费项目与缴费设置、活动模板、优惠券模板、积分与分群规则。</Text>
        <Field label='新社区名称' required error={err('name')}>
          <TextBox id='replicate-name' value={name} maxLength={30} placeholder='例如 和美花园' onChange={(v) => edit(() => setName(v))} />
        </Field>
        <Field label='城市' required error={err('city')}>
          <TextBox id='replicate-city' value={city} maxLength={20} placeholder='例如 杭州' onChange={(v) => edit(() => setCity(v))} />
        </Field>
        <Field label='地址' required error={err('address')}>
          <TextBox id='replicate-address' value={address} maxLength={60} placeholder='区、街道与门牌' onChange={(v) => edit(() => setAddress(v))} />
        </Field>
        {error && !error.fields?.length ? <Text className='field-error'>{error.message}</Text> : null}
      </Section>
      <ActionBar>
        <Button id='replicate-submit' type='primary' loading={busy} onClick={() => void submit()}>
          复制并创建新社区
        </Button>
      </ActionBar>
    </PageShell>
  )
}
