import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { api, currentMe } from '../../../../client'
import { toastError } from '../../../../services/result'
import { ButtonRow, Chip, Field, KVList, Notice, Section, Segmented } from '../../../../ui/kit'
import { Button } from '../../../../ui/nut'
import { EmptyState, PageShell, useQuery } from '../../../../ui/shell'
import { formatDateTime } from '../../../../utils/time'
import '../../access.scss'
import '../../components/access-forms.scss'

type Gate = OutputOf<'access.listGates'>['gates'][number]

const GRACE = [
  { value: '10' as const, minutes: 10, label: '10 分钟', note: '定期轮换：已显示的通行码和离线设备有时间切换' },
  { value: '60' as const, minutes: 60, label: '1 小时', note: '离线设备较多时' },
  { value: '0' as const, minutes: 0, label: '立即', note: '密钥可能泄露时：旧密钥签发的码立即失效' }
]
type Grace = (typeof GRACE)[number]['value']

function doorLine(g: Gate): string {
  return g.doors.map((d) => `${d.name}（${d.zone === 'building' ? d.buildingName : '全小区'}${d.vehicle ? ' · 车行' : ''}）`).join('、')
}

export default function GatesPage() {
  const q = useQuery(() => api.access.listGates({}), [])
  const [busy, setBusy] = useState('')
  const [grace, setGrace] = useState<Grace>('10')
  const choice = GRACE.find((x) => x.value === grace) ?? GRACE[0]!
  // Links carry the community so a page reopened from history lands in the same one.
  const cid = currentMe()?.current?.communityId ?? ''

  const toggle = async (g: Gate) => {
    if (g.enabled) {
      const ok = await Taro.showModal({
        title: `停用「${g.name}」`,
        content: '停用后该设备的下一次请求起即被拒绝。若设备丢失且支持离线验证，请同时轮换社区密钥。'
      })
      if (!ok.confirm) return
    }
    setBusy(g.id)
    const r = await api.access.setGateEnabled({ gateId: g.id, enabled: !g.enabled })
    setBusy('')
    if (!r.ok) toastError(r.error)
    await q.reload()
  }

  const rotate = async () => {
    const ok = await Taro.showModal({
      title: '轮换社区通行密钥',
      content: `新码立即使用新密钥；旧密钥${choice.minutes === 0 ? '立即失效' : `在 ${choice.label} 后失效`}。`
    })
    if (!ok.confirm) return
    setBusy('rotate')
    const r = await api.access.rotateKey({ graceMinutes: choice.minutes })
    setBusy('')
    if (!r.ok) toastError(r.error)
    else void Taro.showToast({ title: `已启用密钥 #${r.data.kid}`, icon: 'success' })
    await q.reload()
  }

  return (
    <PageShell id='gates-page' query={q}>
      {(d) => (
        <>
          <Section id='gates-key' title='社区通行密钥' extra={<Chip text={d.key ? `密钥 #${d.key.kid}` : '未生成'} tone={d.key ? 'primary' : 'muted'} />}>
            <Text className='item-line'>{d.key ? `${formatDateTime(d.key.createdAt)} 启用，所有通行码都由它签名` : '第一位住户打开通行码时自动生成'}</Text>
            <Field label='轮换时旧密钥保留' hint={choice.note}>
              <Segmented<Grace> id='grace' value={grace} options={GRACE} onChange={setGrace} />
            </Field>
            <ButtonRow>
              <Button id='gates-rotate' fill='outline' type='primary' block loading={busy === 'rotate'} onClick={() => void rotate()}>
                轮换密钥
              </Button>
            </ButtonRow>
          </Section>

          <Section title={`${d.communityName}的设备`} extra={<Text className='muted'>{d.gates.length} 台</Text>}>
            {d.gates.length === 0 ? <EmptyState title='还没有登记门禁设备' hint='登记设备后，住户的通行码才能开门' /> : null}
            <Notice id='gates-console'>新设备请在电脑端管理后台「门禁与自提点」中登记：设备密钥只显示一次，在电脑上便于复制到设备配置里。</Notice>
          </Section>
          {d.gates.map((g) => (
            <Section key={g.id} id={`gate-${g.id}`} title={g.name} extra={<Chip text={g.enabled ? '使用中' : '已停用'} tone={g.enabled ? 'primary' : 'danger'} />}>
              <KVList
                rows={[
                  { label: '编号', value: <Text>{g.id}</Text> },
                  { label: '门', value: <Text>{doorLine(g) || '未设置'}</Text> },
                  { label: '最近通信', value: <Text>{g.lastSeenAt ? formatDateTime(g.lastSeenAt) : '尚未通信'}</Text> },
                  ...(g.keysSyncedAt ? [{ label: '离线密钥同步', value: <Text>{formatDateTime(g.keysSyncedAt)}</Text> }] : [])
                ]}
              />
              <ButtonRow>
                <Button fill='outline' type={g.enabled ? 'default' : 'primary'} id={`gate-toggle-${g.id}`} loading={busy === g.id} onClick={() => void toggle(g)}>
                  {g.enabled ? '停用' : '启用'}
                </Button>
                <Button type='primary' id={`gate-log-${g.id}`} onClick={() => void Taro.navigateTo({ url: `/packages/access/pages/gate-log/index?gateId=${g.id}&communityId=${cid}` })}>
                  通行记录
                </Button>
              </ButtonRow>
            </Section>
          ))}
        </>
      )}
    </PageShell>
  )
}
