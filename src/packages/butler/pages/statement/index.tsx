import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { COMMISSION_TOUCH_LABELS, ENTRY_KIND_LABELS, STATEMENT_STATUS_LABELS } from '@contracts/selling-labels'
import type { OutputOf } from '@contracts/registry'
import { api } from '../../../../client'
import { formatFen } from '../../../../utils/money'
import { formatDate, monthLabel } from '../../../../utils/time'
import { Cell, CellGroup, Chip, KVList, Notice, Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { STATEMENT_TONES } from '../../statement-status'
import { ConfirmReceipt } from '../../ConfirmReceipt'
import '../../butler.scss'

type Statement = OutputOf<'selling.statement'>
type Line = Statement['lines'][number]

/** What a line is about: the order's campaign and the buyer's building, or last month's balance. */
function lineTitle(l: Line): string {
  return l.kind === 'carry' ? ENTRY_KIND_LABELS.carry : l.campaignTitle
}

function lineDesc(l: Line): string {
  if (l.kind === 'carry') return '上月结算为负，从本月扣回'
  const who = [l.householdLabel, l.touch ? COMMISSION_TOUCH_LABELS[l.touch] : ''].filter(Boolean).join(' · ')
  const what = l.kind === 'rev' ? `退款 ${formatFen(l.refundFen)}` : l.kind === 'rest' ? '全额退款的分位尾差' : `实付 ${formatFen(l.baseFen)}`
  return `${formatDate(l.at)} · ${who} · ${ENTRY_KIND_LABELS[l.kind]}（${what}）`
}

/** Where the statement stands, in words the butler can act on. */
function statusNote(s: Statement): string {
  switch (s.status) {
    case 'pending_approval':
      return '结算单已生成，等待物业审批后打款'
    case 'approved':
    case 'paying':
      return '已审批，正在发起打款'
    case 'awaiting_confirm':
      return '款项已发出，请及时确认收款；超时未确认会自动重新发起'
    case 'paid':
      return s.paidAt ? `已于 ${formatDate(s.paidAt)} 到账微信零钱` : '已到账微信零钱'
    case 'failed':
      return s.failReason ? `打款未成功：${s.failReason}，物业会重新处理` : '打款未成功，物业会重新处理'
    case 'carried':
      return s.carryOutFen < 0 ? '本月合计为负，不打款，差额从下月佣金中扣回' : '本月金额不足 1 元，不打款，结转到下月'
    case 'building':
      return '结算单正在生成，请稍后刷新'
  }
}

/** 结算单明细: every order, refund and carry of the month, the totals, and the payout (确认收款) below. */
export default function StatementPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '')
  const q = useQuery(() => api.selling.statement({ id }), [id])

  return (
    <PageShell id='statement-page' query={q}>
      {(s) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>{monthLabel(s.month)}佣金</Text>
            <Text className='hero-sub' id='statement-payable'>
              本期应付 {formatFen(s.payableFen)}
            </Text>
          </View>
          <Section title='结算' extra={<Chip id='statement-status' text={STATEMENT_STATUS_LABELS[s.status]} tone={STATEMENT_TONES[s.status]} />}>
            <KVList
              rows={[
                { label: '订单佣金与退款', value: formatFen(s.totalFen - s.carryInFen), id: 'statement-net' },
                ...(s.carryInFen !== 0 ? [{ label: '上月结转', value: formatFen(s.carryInFen), id: 'statement-carry-in' }] : []),
                { label: '本期合计', value: formatFen(s.totalFen), id: 'statement-total' },
                { label: '本期应付', value: formatFen(s.payableFen), id: 'statement-payable-kv' },
                ...(s.carryOutFen !== 0 ? [{ label: '结转下月', value: formatFen(s.carryOutFen), id: 'statement-carry-out' }] : [])
              ]}
            />
          </Section>
          {/* 收款: where the statement's money stands, and 确认收款 while WeChat waits for the butler. */}
          <Section id='statement-payout' title='收款'>
            <Notice id='statement-payout-note' tone={s.status === 'failed' ? 'danger' : s.status === 'paid' ? 'success' : 'info'}>
              {statusNote(s)}
            </Notice>
            {s.status === 'awaiting_confirm' ? <ConfirmReceipt statementId={s.id} payableFen={s.payableFen} onChanged={() => void q.reload()} /> : null}
          </Section>
          <CellGroup id='statement-lines' title={`明细 ${s.lines.length} 笔`}>
            {s.lines.map((l, i) => (
              <Cell
                key={l.id}
                id={`line-${i}`}
                icon={l.kind === 'carry' ? 'bill' : 'order'}
                title={lineTitle(l)}
                desc={lineDesc(l)}
                extra={<Text className={l.amountFen < 0 ? 'bt-amount bt-amount--minus' : 'bt-amount'}>{formatFen(l.amountFen)}</Text>}
              />
            ))}
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
