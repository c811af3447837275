import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { answerFor } from '../../../../utils/answer-for'
import { Cell, CellGroup, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { CampaignCard } from '../../components/CampaignCard'
import { useHere } from '../../here'
import { presaleLink } from '../../links'
import { useNow } from '../../use-now'
import '../../presale.scss'

type Scope = 'current' | 'past'
const SCOPES: SegmentedOption<Scope>[] = [{ value: 'current', label: '正在预售' }, { value: 'past', label: '往期' }]
const go = (url: string) => void Taro.navigateTo({ url })

/** 邻里严选: the community's pre-sales, on sale first, then coming up, then just ended. */
export default function CampaignListPage() {
  const { communityId, householdId } = useHere()
  const [scope, setScope] = useState<Scope>('current')
  const q = useQuery(() => answerFor(scope, api.order.campaigns({ scope })), [scope])
  const now = useNow()

  return (
    <PageShell id='presale-list' query={q}>
      {(d) => (
        <>
          <Segmented<Scope> id='tab' value={scope} options={SCOPES} onChange={setScope} />
          <CellGroup>
            <Cell id='go-proposals' icon='team' title='意向登记 · 接龙' desc='想要什么先登记，够数就开团，开团后再付款' onClick={() => go(presaleLink('proposals', communityId, householdId ? { householdId } : {}))} />
          </CellGroup>
          {householdId ? (
            <CellGroup>
              <Cell
                id='go-my-orders'
                icon='order'
                title='我的订单'
                desc='物业严选，先预订后采购，管家送到家'
                onClick={() => go(presaleLink('orders', communityId, { householdId }))}
              />
            </CellGroup>
          ) : null}
          {d.choice !== scope ? (
            <LoadingState />
          ) : d.value.campaigns.length === 0 ? (
            scope === 'current' ? (
              <EmptyState title='暂时没有进行中的预售' hint='物业上新预售后会出现在这里，开售前也能先看看' action={{ text: '看看往期预售', onClick: () => setScope('past') }} />
            ) : (
              <EmptyState title='还没有往期预售' hint='结束的预售会留在这里' action={{ text: '回到正在预售', onClick: () => setScope('current') }} />
            )
          ) : (
            d.value.campaigns.map((c) => (
              <CampaignCard key={c.id} id={`campaign-${c.id}`} c={c} now={now} onClick={() => go(presaleLink('detail', communityId, { id: c.id }))} />
            ))
          )}
        </>
      )}
    </PageShell>
  )
}
