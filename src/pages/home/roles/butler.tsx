import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../../client'
import { Tiles } from '../../../components/Tiles'
import { butlerTiles } from '../../../features'
import { Cell, CellGroup, Notice, Section, StatGrid } from '../../../ui/kit'
import { ErrorState, LoadingState, useQuery } from '../../../ui/shell'

const go = (url: string) => () => void Taro.navigateTo({ url })

export function ButlerHome() {
  const q = useQuery(() => api.user.gridOverview(), [])
  const grid = q.data
  if (!grid) return q.error ? <ErrorState error={q.error} onRetry={() => void q.reload()} /> : <LoadingState />
  const households = grid.buildings.reduce((n, b) => n + b.households, 0)
  const bound = grid.buildings.reduce((n, b) => n + b.bound, 0)
  return (
    <View id='home-butler'>
      <Tiles tiles={butlerTiles()} />
      {grid.pendingRequests > 0 ? (
        <View id='butler-pending' onClick={go('/packages/butler/pages/requests/index')}>
          <Notice tone='warning'>有 {grid.pendingRequests} 条入户申请待审核，点此处理</Notice>
        </View>
      ) : null}
      <Section title={grid.gridName}>
        <StatGrid
          columns={3}
          items={[
            { label: '楼栋', value: grid.buildings.length },
            { label: '户数', value: households },
            { label: '已绑定', value: bound, tone: 'primary' }
          ]}
        />
      </Section>
      <CellGroup title='网格工作'>
        <Cell icon='team' title='入户申请审核' desc='家人、租户申请加入房屋' onClick={go('/packages/butler/pages/requests/index')} />
        <Cell id='butler-invites' icon='poster' title='活动邀请与海报' desc='把本周活动分享到业主群' onClick={go('/packages/event/pages/invites/index')} />
        <Cell id='butler-presale' icon='delivery' title='预售配送与分享' desc='今日送货上门与团购分享' onClick={go('/packages/presale-admin/pages/deliveries/index')} />
        <Cell id='butler-visitors' icon='visitor' title='网格访客' desc='本网格住户邀请的访客' onClick={go('/packages/access/pages/grid-visitors/index')} />
        <Cell id='butler-followups' icon='star' title='低分回访' desc='住户评价不满意的服务' onClick={go('/packages/service-staff/pages/followups/index')} />
      </CellGroup>
      <CellGroup title='楼栋绑定情况'>
        {grid.buildings.map((b) => (
          <Cell key={b.id} title={b.name} extra={`${b.bound}/${b.households} 户`} />
        ))}
      </CellGroup>
    </View>
  )
}
