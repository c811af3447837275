import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { NEEDS, NEED_LABELS, type Need } from '@contracts/insights-labels'
import type { OutputOf } from '@contracts/registry'
import { api, useSession } from '../../../../client'
import { formatDate } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Section, Segmented, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { barWidth } from '../../format'
import { householdLink } from '../../links'
import '../../butler.scss'

type GridHousehold = OutputOf<'insights.myGrid'>['households'][number]
type Filter = 'all' | 'risk' | Need

/** A long grid shows this many rows; the filters narrow it down. */
const SHOWN = 100

function matches(h: GridHousehold, f: Filter): boolean {
  if (f === 'all') return true
  if (f === 'risk') return h.atRisk
  return h.needs.includes(f)
}

/** Who lives there, whether they use the app, and what stands out. */
function HouseholdDesc({ h }: { h: GridHousehold }) {
  return (
    <>
      <Text className='bt-line'>
        {h.boundUsers > 0 ? `已绑定 ${h.boundUsers} 人` : '未绑定'}，{h.lastActivityAt ? `最近消费 ${formatDate(h.lastActivityAt)}` : '暂无消费记录'}
      </Text>
      {h.atRisk || h.needs.length > 0 ? (
        <View className='bt-badges'>
          {h.atRisk ? <Chip text={`流失预警${h.score === null ? '' : ` ${h.score} 分`}`} tone='danger' /> : null}
          {h.needs.map((n) => (
            <Chip key={n} text={NEED_LABELS[n]} tone='info' />
          ))}
        </View>
      ) : null}
    </>
  )
}

/** 我的网格: buildings with who is bound, then every household with its warning and needs. */
export default function GridPage() {
  const { params } = useRouter()
  const { me } = useSession()
  const q = useQuery(() => api.insights.myGrid(), [])
  const [filter, setFilter] = useState<Filter>('all')
  const communityId = params.communityId ?? me?.current?.communityId

  return (
    <PageShell
      id='grid-page'
      query={q}
      empty={(d) => (d.grids.length === 0 && d.households.length === 0 ? { title: '你还没有负责的网格', hint: '请联系社区运营为你分配楼栋，分配后住户会出现在这里' } : null)}
    >
      {(data) => {
        const count = (f: Filter) => data.households.filter((h) => matches(h, f)).length
        const list = data.households.filter((h) => matches(h, filter))
        return (
          <>
            <Section>
              <StatGrid
                items={[
                  { label: '户数', value: data.totals.households },
                  { label: '已绑定', value: data.totals.bound, tone: 'primary' },
                  { label: '流失预警', value: data.totals.atRisk, tone: data.totals.atRisk ? 'danger' : 'default', id: 'grid-at-risk' }
                ]}
              />
            </Section>

            {data.grids.map((g) => (
              <Section key={g.gridId} id={`grid-${g.gridId}`} title={g.name}>
                {g.buildings.map((b) => (
                  <View key={b.buildingId} className='bt-building' id={`building-${b.buildingId}`}>
                    <View className='bt-title-row'>
                      <Text className='bt-hh__label'>{b.name}</Text>
                      <Text className='bt-count'>
                        已绑定 {b.bound}/{b.households} 户
                      </Text>
                    </View>
                    <View className='bt-bar'>
                      <View className='bt-bar__fill' style={{ width: barWidth(b.bound, b.households) }} />
                    </View>
                  </View>
                ))}
              </Section>
            ))}

            <Segmented<Filter>
              id='filter'
              value={filter}
              options={[
                { value: 'all', label: `全部 ${data.households.length}` },
                { value: 'risk', label: `流失预警 ${data.totals.atRisk}` },
                ...NEEDS.map((n) => ({ value: n, label: `${NEED_LABELS[n]} ${count(n)}` }))
              ]}
              onChange={setFilter}
            />
            <CellGroup id='grid-households'>
              {list.length === 0 ? (
                <Cell title={filter === 'risk' ? '没有流失预警的住户' : filter === 'all' ? '网格内还没有住户' : `暂无「${NEED_LABELS[filter]}」需求的住户`} />
              ) : null}
              {list.slice(0, SHOWN).map((h) => (
                <Cell
                  key={h.householdId}
                  id={`hh-${h.householdId}`}
                  title={h.label}
                  desc={<HouseholdDesc h={h} />}
                  onClick={() => void Taro.navigateTo({ url: householdLink(h.householdId, communityId) })}
                />
              ))}
              {list.length > SHOWN ? <Cell title={`仅显示前 ${SHOWN} 户`} desc='请用上方筛选缩小范围' /> : null}
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
