import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { Cell, CellGroup, Icon, Price, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import '../../admin.scss'

function pct(n: number, d: number): number {
  return d === 0 ? 0 : Math.round((n / d) * 1000) / 10
}

function shift(period: string, by: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7)
}

function periodLabel(period: string): string {
  const [y, m] = period.split('-')
  return `${y} 年 ${Number(m)} 月`
}

export default function CollectionPage() {
  // Undefined: the server's current month.
  const [period, setPeriod] = useState<string | undefined>(undefined)
  const q = useQuery(() => api.fee.collection(period ? { period } : {}), [period])
  const go = (url: string) => () => void Taro.navigateTo({ url })

  return (
    <PageShell id='collection-page' query={q}>
      {(d) => {
        const billed = d.buildings.reduce((n, b) => n + b.billedFen, 0)
        const collected = d.buildings.reduce((n, b) => n + b.collectedFen, 0)
        const maxMonth = Math.max(1, ...d.months.map((m) => m.billedFen))
        return (
          <>
            <View className='month-nav'>
              <View className='month-nav__btn' id='period-prev' onClick={() => setPeriod(shift(d.period, -1))}>
                <Icon name='arrow-left' size='s' color='primary' />
                <Text>上月</Text>
              </View>
              <Text className='section-title' id='period'>
                {periodLabel(d.period)}
              </Text>
              <View className='month-nav__btn' id='period-next' onClick={() => setPeriod(shift(d.period, 1))}>
                <Text>下月</Text>
                <Icon name='arrow-right' size='s' color='primary' />
              </View>
            </View>
            <Section>
              <StatGrid
                columns={3}
                items={[
                  { label: '当月收缴率', value: `${pct(collected, billed)}%`, tone: 'primary', id: 'collection-rate' },
                  { label: '应收', value: <Price fen={billed} size='s' /> },
                  { label: '实收', value: <Price fen={collected} size='s' /> }
                ]}
              />
            </Section>
            <Section title='各楼栋'>
              {d.buildings.length === 0 ? <Text className='muted'>本月没有出账的楼栋</Text> : null}
              {d.buildings.map((b) => (
                <View key={b.buildingId} className='building-rate' id={`building-${b.buildingId}`}>
                  <View className='building-rate__head'>
                    <Text>{b.buildingName}</Text>
                    <Text className='muted'>
                      已缴 {b.paidBills}/{b.bills} 单 · {pct(b.collectedFen, b.billedFen)}%
                    </Text>
                  </View>
                  <View className='bar'>
                    <View className='bar__fill' style={{ width: `${pct(b.collectedFen, b.billedFen)}%` }} />
                  </View>
                </View>
              ))}
            </Section>
            <Section title='近 6 个月'>
              <View className='trend'>
                {d.months.map((m) => (
                  <View key={m.period} className='trend__col'>
                    <Text className='trend__label'>{pct(m.collectedFen, m.billedFen)}%</Text>
                    <View className='trend__bar' style={{ height: Taro.pxTransform(Math.max(4, Math.round((m.billedFen / maxMonth) * 180))) }}>
                      <View className='trend__fill' style={{ height: `${pct(m.collectedFen, m.billedFen)}%` }} />
                    </View>
                    <Text className='trend__label'>{Number(m.period.slice(5))}月</Text>
                  </View>
                ))}
              </View>
            </Section>
            <CellGroup>
              <Cell id='go-arrears' icon='warning' title='欠费户' desc='逾期未缴的住户与欠费金额' onClick={go('/packages/fee-admin/pages/arrears/index')} />
              <Cell id='go-refund' icon='refund' title='退款与支付异常' desc='按房号或订单号查找，部分或全额退款' onClick={go('/packages/fee-admin/pages/refund/index')} />
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
