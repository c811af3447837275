import Taro from '@tarojs/taro'
import { api } from '../../../../client'
import { PageShell, useQuery } from '../../../../ui/shell'
import { Notice } from '../../../../ui/kit'
import { ProposalCard } from '../../components/ProposalCard'
import { useHere } from '../../here'
import { presaleLink } from '../../links'
import '../../presale.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 意向登记 (接龙): what the office asks about before buying, and what became a pre-sale this week. */
export default function ProposalListPage() {
  const { communityId, householdId } = useHere()
  const q = useQuery(() => api.order.proposals({ scope: 'open', ...(householdId ? { householdId } : {}) }), [householdId])
  return (
    <PageShell
      id='proposal-list'
      query={q}
      empty={(d) => (d.proposals.length === 0 ? { title: '暂时没有征集中的意向', hint: '物业想上新商品或服务时，会先在这里问问大家要不要', action: { text: '看看正在预售', onClick: () => go(presaleLink('list', communityId)) } } : null)}
    >
      {(d) => (
        <>
          <Notice>先登记需要的数量，够数就开团；开团后为你预留，付款才算下单，不付款不扣钱。</Notice>
          {d.proposals.map((p) => (
            <ProposalCard key={p.id} id={`proposal-${p.id}`} p={p} onClick={() => go(presaleLink('proposal', communityId, { id: p.id }))} />
          ))}
        </>
      )}
    </PageShell>
  )
}
