import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { OutputOf } from '@contracts/registry'
import { api, currentMe } from '../../../../client'
import { subscribeReminders } from '../../../../services/fee'
import { checkout, newRequestId } from '../../../../services/payment'
import { toastError } from '../../../../services/result'
import { formatFen } from '../../../../utils/money'
import { formatDate } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, CellGroup, Icon, Price, Section, Segmented } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../fee.scss'
import './bills.scss'

type Tab = 'outstanding' | 'settled'
type Bill = OutputOf<'fee.myBills'>['bills'][number]

const TABS = [
  { value: 'outstanding' as const, label: '待缴账单' },
  { value: 'settled' as const, label: '已缴账单' }
]

function billMeta(b: Bill): string {
  if (b.status === 'unpaid') return `${formatDate(b.dueAt)} 到期`
  const when = b.paidAt ? `${formatDate(b.paidAt)} · ` : ''
  return `${when}${b.status === 'refunded' ? '已退款' : '已缴'}`
}

function Check({ on }: { on: boolean }) {
  return <View className={`check ${on ? 'check--on' : ''}`}>{on ? <Icon name='check' size='xs' color='white' /> : null}</View>
}

export default function BillsPage() {
  const { params } = useRouter()
  const current = currentMe()?.current
  const householdId = params.householdId || current?.householdId || ''
  const communityId = params.communityId || current?.communityId || ''
  const [tab, setTab] = useState<Tab>('outstanding')
  const q = useQuery(() => api.fee.myBills({ householdId, status: tab }), [householdId, tab], { enabled: householdId !== '' })
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [busy, setBusy] = useState(false)
  // One idempotency key per selection: a double tap resubmits the same checkout.
  const [requestId, setRequestId] = useState(newRequestId)

  const bills = useMemo(() => q.data?.bills ?? [], [q.data])
  // Oldest first and all selected: paying the oldest stops late fees soonest.
  useEffect(() => {
    setPicked(new Set(tab === 'outstanding' ? bills.map((b) => b.id) : []))
    setRequestId(newRequestId())
  }, [bills, tab])

  const total = useMemo(() => bills.filter((b) => picked.has(b.id)).reduce((n, b) => n + b.dueNowFen, 0), [bills, picked])
  const allOn = bills.length > 0 && picked.size === bills.length

  const choose = (next: Set<string>) => {
    setPicked(next)
    setRequestId(newRequestId())
  }
  const toggle = (id: string) => {
    const next = new Set(picked)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    choose(next)
  }

  const pay = async () => {
    setBusy(true)
    const res = await checkout({ payables: [...picked].map((id) => ({ type: 'bill' as const, id })), clientRequestId: requestId })
    setBusy(false)
    if (!res.ok) {
      toastError(res.error)
      void q.reload()
    }
  }

  const remind = async (templateId: string) => {
    const r = await subscribeReminders(templateId)
    void Taro.showToast({ title: r === 'granted' ? '已开启下次缴费提醒' : r === 'unsupported' ? '提醒将通过站内消息发送' : '未开启提醒', icon: 'none' })
  }
  const history = () => void Taro.navigateTo({ url: `/packages/fee/pages/history/index?householdId=${householdId}&communityId=${communityId}` })

  return (
    <PageShell
      id='bills-page'
      className='bills-page'
      query={q}
      empty={(d) =>
        d.bills.length > 0
          ? null
          : tab === 'outstanding'
            ? { title: '没有待缴账单', hint: '感谢按时缴费。新账单出账后会通知你', action: { text: '查看已缴账单', onClick: () => setTab('settled') } }
            : { title: '还没有已缴账单', hint: '缴费后，账单和电子收据会出现在这里', action: { text: '查看待缴账单', onClick: () => setTab('outstanding') } }
      }
    >
      {(d) => (
        <>
          <View className='hero'>
            <Text className='hero-sub'>{d.householdLabel} · 待缴合计</Text>
            <View className='bills-hero__price'>
              <Price fen={d.outstandingFen} size='l' className='hero-price' />
            </View>
          </View>
          <Segmented<Tab> id='tab' value={tab} options={TABS} onChange={setTab} />
          <CellGroup>
            <Cell id='go-history' icon='receipt' title='缴费记录与收据' onClick={history} />
            {d.reminderTemplateId && process.env.TARO_ENV === 'weapp' ? (
              <Cell id='fee-remind' icon='notice' title='开启缴费提醒' desc='出新账单时提醒我' onClick={() => void remind(d.reminderTemplateId ?? '')} />
            ) : null}
          </CellGroup>
          <Section>
            {bills.map((b) => (
              <View key={b.id} id={`bill-${b.id.replace(/[^A-Za-z0-9-]/g, '_')}`} className='bill' onClick={() => tab === 'outstanding' && toggle(b.id)}>
                {tab === 'outstanding' ? <Check on={picked.has(b.id)} /> : null}
                <View className='bill__main'>
                  <Text className='bill__title'>{b.title}</Text>
                  <Text className='bill__meta'>{billMeta(b)}</Text>
                  {b.overdueDays > 0 ? (
                    <Text className='bill__late'>
                      已逾期 {b.overdueDays} 天{b.lateFeeFen > 0 ? `，含滞纳金 ${formatFen(b.lateFeeFen)}` : ''}
                    </Text>
                  ) : null}
                </View>
                <View className='bill__amount'>
                  <Price fen={b.status === 'unpaid' ? b.dueNowFen : b.amountFen + b.lateFeeFen} size='m' />
                </View>
              </View>
            ))}
          </Section>
          {tab === 'outstanding' ? (
            <ActionBar>
              <View className='paybar__all' id='pick-all' onClick={() => choose(allOn ? new Set() : new Set(bills.map((b) => b.id)))}>
                <Check on={allOn} />
                <Text>全选</Text>
              </View>
              <View className='paybar__total'>
                <Text>合计</Text>
                <Price fen={total} size='m' />
              </View>
              <Button id='pay-submit' className='paybar__btn' type='primary' disabled={picked.size === 0} loading={busy} onClick={() => void pay()}>
                去缴费{picked.size > 0 ? `（${picked.size}）` : ''}
              </Button>
            </ActionBar>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
