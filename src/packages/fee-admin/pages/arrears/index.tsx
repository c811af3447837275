import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import type { OutputOf } from '@contracts/registry'
import { Price } from '../../../../components/Price'
import { StateView } from '../../../../components/StateView'
import { arrears } from '../../../../services/fee'
import { formatDate } from '../../../../utils/time'
import '../../admin.scss'

type Data = OutputOf<'fee.arrears'>

export default function ArrearsPage() {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useDidShow(() => void arrears().then((r) => (r.ok ? setData(r.data) : setError(r.error))))

  if (!data) return <View className='page'>{<StateView loading={!error} error={error} />}</View>
  return (
    <View className='page' id='arrears-page'>
      <View className='hero'>
        <Text className='hero-sub'>{data.households.length} 户逾期未缴 · 合计（含滞纳金）</Text>
        <Price fen={data.totalOwedFen} size='l' />
      </View>
      {data.households.length === 0 ? <StateView empty='没有欠费住户' /> : null}
      <View className='card'>
        {data.households.map((h) => (
          <View key={h.householdId} className='list-item'>
            <View style={{ display: 'flex', flexDirection: 'column' }}>
              <Text>{h.label}</Text>
              <Text className='muted'>
                {h.bills} 张账单 · 最早 {formatDate(h.oldestDueAt)} 到期
              </Text>
              <Text className='muted'>{h.lastRemindedAt ? `${formatDate(h.lastRemindedAt)} 已提醒` : '尚未提醒'}</Text>
            </View>
            <Price fen={h.owedFen} size='m' />
          </View>
        ))}
      </View>
    </View>
  )
}
