import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../../client'
import { formatDate } from '../../../../utils/time'
import { Chip, Price, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import '../../admin.scss'

export default function ArrearsPage() {
  const q = useQuery(() => api.fee.arrears({}), [])
  return (
    <PageShell
      id='arrears-page'
      query={q}
      empty={whenEmpty((d) => d.households, { title: '没有欠费住户', hint: '所有到期账单都已缴清。逾期未缴的住户会出现在这里', action: { text: '查看收缴率', onClick: () => void Taro.redirectTo({ url: '/packages/fee-admin/pages/collection/index' }) } })}
    >
      {(d) => (
        <>
          <Section>
            <StatGrid
              items={[
                { label: '逾期未缴', value: `${d.households.length} 户`, tone: 'danger' },
                { label: '合计（含滞纳金）', value: <Price fen={d.totalOwedFen} size='m' /> }
              ]}
            />
          </Section>
          <Section>
            {d.households.map((h) => (
              <View key={h.householdId} className='list-item arrears-row' id={`arrears-${h.householdId}`}>
                <View className='arrears-row__main'>
                  <Text className='arrears-row__title'>{h.label}</Text>
                  <Text className='muted'>
                    {h.bills} 张账单 · 最早 {formatDate(h.oldestDueAt)} 到期
                  </Text>
                  <View className='arrears-row__chip'>
                    <Chip text={h.lastRemindedAt ? `${formatDate(h.lastRemindedAt)} 已提醒` : '尚未提醒'} tone={h.lastRemindedAt ? 'muted' : 'accent'} />
                  </View>
                </View>
                <Price fen={h.owedFen} size='m' />
              </View>
            ))}
          </Section>
        </>
      )}
    </PageShell>
  )
}
