import { Text, View } from '@tarojs/components'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Section } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { PassStatusBadge } from '../../components/PassStatusBadge'
import '../../access.scss'

/** Who is expected in the butler's buildings: so a stranger at a unit door can be told from a guest. */
export default function GridVisitorsPage() {
  const q = useQuery(() => api.access.gridVisitors(), [])
  return (
    <PageShell id='grid-visitors-page' query={q}>
      {(data) => {
        const active = data.passes.filter((p) => p.status === 'active').length
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>{data.gridName}</Text>
              <Text className='hero-sub'>
                有效通行证 {active} 张 · 共 {data.passes.length} 条访客邀请
              </Text>
            </View>
            {data.passes.length === 0 ? (
              <Section>
                <Text className='muted'>网格内还没有访客。住户邀请访客后，这里会列出到访的人和时间。</Text>
              </Section>
            ) : null}
            {data.passes.map((p) => (
              <Section key={p.id} id={`grid-visitor-${p.id}`}>
                <View className='item-head'>
                  <Text className='item-title'>
                    {p.visitorName}
                    <Text className='item-sub'>{p.phoneMasked}</Text>
                  </Text>
                  <PassStatusBadge status={p.status} />
                </View>
                <Text className='item-line'>
                  到访 {p.householdLabel} · {p.purpose}
                  {p.plate ? ` · ${p.plate}` : ''}
                </Text>
                <Text className='item-line'>
                  {formatDateTime(p.validFrom)} 至 {formatDateTime(p.validTo)}
                </Text>
                <Text className='item-line'>
                  已通行 {p.uses}/{p.maxUses} 次{p.lastUsedAt ? ` · 最近 ${formatDateTime(p.lastUsedAt)}` : ''}
                </Text>
              </Section>
            ))}
          </>
        )
      }}
    </PageShell>
  )
}
