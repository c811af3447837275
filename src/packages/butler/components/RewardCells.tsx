import { Text, View } from '@tarojs/components'
import type { RewardTransferStatus } from '@contracts/reward-labels'
import Taro from '@tarojs/taro'
import { api, currentMe } from '../../../client'
import { formatFen } from '../../../utils/money'
import { formatDate } from '../../../utils/time'
import { pageLink } from '../../../utils/link'
import { Cell, CellGroup, Chip, type Tone } from '../../../ui/kit'
import { useQuery } from '../../../ui/shell'

const TONES: Record<RewardTransferStatus, Tone> = { awaiting_confirm: 'accent', processing: 'info', paid: 'primary', failed: 'danger' }

/**
 * A butler's cash rewards (光荣榜) under the statements: money from the property, paid like a
 * commission, so it sits beside them. Each opens 我的奖励, where the butler taps 领取. Nothing shows
 * while there are none (or they cannot be read: the statements stay the page's subject).
 */
export function RewardCells() {
  const q = useQuery(() => api.selling.myTransfers({}), [])
  const rows = q.data?.transfers ?? []
  if (rows.length === 0) return null
  const open = () => void Taro.navigateTo({ url: pageLink('/packages/service-staff/pages/rewards/index', { communityId: currentMe()?.current?.communityId }) })
  return (
    <CellGroup id='rewards-list' title='现金奖励'>
      {rows.map((t) => (
        <Cell
          key={t.id}
          icon='gift'
          title={t.title}
          desc={t.paidAt ? `${formatDate(t.paidAt)} 到账` : `${formatDate(t.createdAt)} 发放`}
          extra={
            <View className='bt-badges'>
              <Text className='bt-title'>{formatFen(t.amountFen)}</Text>
              <Chip text={t.statusLabel} tone={TONES[t.status]} />
            </View>
          }
          onClick={open}
        />
      ))}
    </CellGroup>
  )
}
