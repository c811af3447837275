import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import { VOTE_CHANNEL_LABELS, VOTE_RULE_HINTS, VOTE_RULE_LABELS } from '@contracts/vote-rules'
import { api, useSession } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { newRequestId } from '../../../../services/request-id'
import { toastError } from '../../../../services/result'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, CellGroup, Chip, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, all, useQuery } from '../../../../ui/shell'
import { Tally } from '../../components/Tally'
import { STATE_TONE, areaText, stateText, voteLink } from '../../links'
import '../../vote.scss'

/**
 * One vote: the matter and its rule; an owner casts one choice for all their units in it, and sees
 * each unit's ballot and receipt; after the close, the published result with its four figures.
 * Staff see the progress per building, and a butler enters paper ballots.
 */
export default function VoteDetailPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const id = decodeURIComponent(params.id ?? '')
  const role = me?.current?.role
  const staff = role === 'operator' || role === 'service' || role === 'butler'
  const q = useQuery(() => all([api.message.vote({ id }), staff ? api.message.voteProgress({ id }) : Promise.resolve({ ok: true as const, data: null })]), [id, staff], {
    enabled: id !== ''
  })
  const [option, setOption] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // One id per page visit: a retried tap casts once.
  const requestId = useMemo(() => newRequestId(), [])

  const cast = async (label: string, index: number) => {
    const sure = await Taro.showModal({ title: '确认投票', content: `选票投出后不能更改。确定为你名下的房屋投「${label}」吗？`, confirmText: '投票' })
    if (!sure.confirm) return
    setBusy(true)
    const r = await api.message.castBallot({ id, option: index, clientRequestId: requestId })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    if (r.data.skipped.length > 0) {
      void Taro.showModal({ title: '已投票', content: `${r.data.cast.map((u) => u.label).join('、')} 已投票。${r.data.skipped.map((s) => `${s.label}：${s.reason}`).join('；')}`, showCancel: false })
    } else {
      void Taro.showToast({ title: '投票成功', icon: 'success' })
    }
    void q.reload()
  }

  return (
    <PageShell id='vote-detail' query={q}>
      {([v, progress]) => {
        const pending = v.mine.filter((u) => u.option === null)
        const canVote = v.state === 'open' && pending.length > 0
        const chosen = option === null ? null : Number(option)
        return (
          <>
            <Section title={v.title} extra={<Chip text={stateText(v.state)} tone={STATE_TONE[v.state]} />}>
              {v.description ? <Text className='vt-text'>{v.description}</Text> : null}
              <KVList
                rows={[
                  { label: '表决规则', value: VOTE_RULE_LABELS[v.rule] },
                  { label: '适用事项', value: VOTE_RULE_HINTS[v.rule] },
                  { label: '表决范围', value: `${v.scopeLabel}（${v.units} 套，${v.totalOwners} 位业主）` },
                  { label: '开始', value: formatDateTime(v.opensAt) },
                  { label: '截止', value: formatDateTime(v.closesAt) },
                  { label: '已投票', value: `${v.ballots} 套`, id: 'vote-ballots' },
                  { label: '发起人', value: v.createdByName }
                ]}
              />
            </Section>

            {v.tally ? <Tally tally={v.tally} /> : null}
            {v.state === 'counting' ? <Notice tone='info'>表决已截止，正在计票，结果公布后可在此查看</Notice> : null}

            {v.mine.length > 0 ? (
              <CellGroup title='我的房屋' id='vote-mine'>
                {v.mine.map((u) => (
                  <Cell
                    key={u.householdId}
                    id={`vote-unit-${u.householdId}`}
                    icon='home'
                    title={`${u.label} · ${areaText(u.areaCm2)}`}
                    desc={u.option === null ? (v.state === 'open' ? '尚未投票' : '未投票') : `${u.channel ? VOTE_CHANNEL_LABELS[u.channel] : ''}投票 · 凭证 ${u.receipt ?? ''}`}
                    extra={u.option === null ? undefined : <Chip text={v.options[u.option] ?? ''} tone='primary' />}
                  />
                ))}
              </CellGroup>
            ) : !staff ? (
              <Notice tone='info'>只有表决范围内房屋的业主可以投票；家庭成员和租户可以查看表决和结果。</Notice>
            ) : null}

            {canVote ? (
              <Section title='我的选择' id='vote-choose'>
                <Choices id='vote-option' value={option} options={v.options.map((label, i) => ({ value: String(i), label }))} onChange={setOption} />
                <Text className='vt-meta'>将为你名下尚未投票的 {pending.length} 套房屋投出同一选项，投出后不可更改。</Text>
              </Section>
            ) : null}

            {progress ? (
              <CellGroup title='各楼栋投票进度' id='vote-progress'>
                {progress.buildings.map((b) => (
                  <Cell key={b.buildingId} title={b.name} extra={`${b.ballots}/${b.units} 套`} />
                ))}
              </CellGroup>
            ) : null}
            {progress && role === 'butler' && v.state === 'open' ? (
              <Cell
                id='vote-paper'
                icon='edit'
                title='录入纸质表决票'
                desc={`本网格还有 ${progress.unvoted.length} 套房屋未投票`}
                onClick={() => void Taro.navigateTo({ url: voteLink('paper', { id }) })}
              />
            ) : null}
            {v.tally ? (
              <Cell id='vote-receipts' icon='receipt' title='公布的计票凭证' desc='按凭证号核对每一张选票已计入' onClick={() => void Taro.navigateTo({ url: voteLink('receipts', { id }) })} />
            ) : null}

            {canVote ? (
              <ActionBar>
                <Button id='vote-submit' type='primary' block loading={busy} disabled={chosen === null} onClick={() => chosen !== null && void cast(v.options[chosen] ?? '', chosen)}>
                  {chosen === null ? '请选择' : `投「${v.options[chosen] ?? ''}」`}
                </Button>
              </ActionBar>
            ) : null}
          </>
        )
      }}
    </PageShell>
  )
}
