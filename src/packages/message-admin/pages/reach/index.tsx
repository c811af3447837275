import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { UnreadHousehold } from '@contracts/message'
import { api, useSession } from '../../../../client'
import { noticeLink } from '../../../../components/NoticeCard/link'
import { toastError } from '../../../../services/result'
import { formatDateTime, whenText } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Chip, Notice, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, all, useQuery } from '../../../../ui/shell'
import { ADMIN, STATE_TONE, canPublish, stateText } from '../../links'
import '../../admin.scss'

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`)

/**
 * How far a notice has reached: households in its audience and those that opened it, per building.
 * Operators and 客服 edit or withdraw it here; a butler sees the grid's households that have not
 * read it and reminds them, once a day each.
 */
export default function NoticeReachPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const id = decodeURIComponent(params.id ?? '')
  const role = me?.current?.role
  const butler = role === 'butler'
  const q = useQuery(
    () => all([api.message.noticeStats({ id }), butler ? api.message.gridUnread({ id }) : Promise.resolve({ ok: true as const, data: null })]),
    [id, butler],
    { enabled: id !== '' }
  )
  const [busy, setBusy] = useState('')

  const remind = async (h: UnreadHousehold) => {
    setBusy(h.householdId)
    const r = await api.message.nudge({ id, householdId: h.householdId })
    setBusy('')
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: `已提醒 ${r.data.members} 位住户`, icon: 'success' })
    void q.reload()
  }

  const withdraw = async () => {
    const ok = await Taro.showModal({ title: '撤回公告', content: '撤回后住户将看不到这条公告，且不能再修改。确定撤回吗？', confirmText: '撤回', confirmColor: '#e5484d' })
    if (!ok.confirm) return
    const r = await api.message.withdrawNotice({ id })
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: '已撤回', icon: 'success' })
    void q.reload()
  }

  return (
    <PageShell id='notice-reach' query={q}>
      {([stats, grid]) => {
        const n = stats.notice
        return (
          <>
            <Section title={n.title} extra={<Chip text={stateText(n.state)} tone={STATE_TONE[n.state]} />}>
              <Text className='ma-meta'>
                {n.audienceLabel} · {formatDateTime(n.publishAt)} 发布{n.expiresAt ? ` · ${formatDateTime(n.expiresAt)} 下线` : ''}
              </Text>
              <StatGrid
                items={[
                  { label: '覆盖户数', value: stats.households, id: 'reach-households' },
                  { label: '已读户数', value: stats.reads, tone: 'primary', id: 'reach-reads' },
                  { label: '阅读率', value: percent(stats.reads, stats.households), id: 'reach-rate' }
                ]}
              />
            </Section>

            {grid ? (
              <CellGroup title={`本网格未读住户（${grid.households.length}/${grid.total} 户）`} id='reach-unread'>
                {grid.households.length === 0 ? <Cell title='本网格住户都已阅读' icon='success' /> : null}
                {grid.households.map((h) => (
                  <Cell
                    key={h.householdId}
                    id={`unread-${h.householdId}`}
                    icon='home'
                    title={h.label}
                    desc={h.members === 0 ? '还没有住户使用小程序，请上门或电话告知' : h.lastNudgedAt ? `${whenText(h.lastNudgedAt, Date.now())}已提醒` : `${h.members} 位住户未读`}
                    extra={
                      h.members > 0 ? (
                        <Button size='small' type='primary' fill={h.nudgedToday ? 'outline' : 'solid'} disabled={h.nudgedToday} loading={busy === h.householdId} onClick={() => void remind(h)}>
                          {h.nudgedToday ? '今日已提醒' : '提醒阅读'}
                        </Button>
                      ) : undefined
                    }
                  />
                ))}
              </CellGroup>
            ) : null}

            <CellGroup title='各楼栋阅读情况' id='reach-buildings'>
              {stats.buildings.map((b) => (
                <Cell
                  key={b.buildingId}
                  title={b.name}
                  desc={
                    <View>
                      <Text>
                        已读 {b.reads} / {b.households} 户
                      </Text>
                      <View className='ma-bar'>
                        <View className='ma-bar__fill' style={{ width: b.households ? `${Math.min(100, (b.reads / b.households) * 100)}%` : '0%' }} />
                      </View>
                    </View>
                  }
                  extra={percent(b.reads, b.households)}
                />
              ))}
            </CellGroup>
            {stats.buildings.length === 0 ? <Notice tone='info'>发布范围内还没有住户</Notice> : null}

            <ButtonRow>
              <Button id='reach-preview' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: noticeLink(id, me?.current?.communityId ?? '') })}>
                查看公告
              </Button>
              {canPublish(role) && n.state !== 'withdrawn' ? (
                <Button id='reach-edit' fill='outline' type='primary' onClick={() => void Taro.navigateTo({ url: `${ADMIN}/edit/index?id=${encodeURIComponent(id)}` })}>
                  编辑
                </Button>
              ) : null}
              {canPublish(role) && n.state !== 'withdrawn' ? (
                <Button id='reach-withdraw' fill='outline' type='danger' onClick={() => void withdraw()}>
                  撤回
                </Button>
              ) : null}
            </ButtonRow>
          </>
        )
      }}
    </PageShell>
  )
}
