import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { POINT_KIND_LABELS } from '@contracts/member'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type PointsPage, pointsHistory } from '../../../../services/member'
import { formatDate, formatDateTime } from '../../../../utils/time'
import '../../member.scss'

type Entry = PointsPage['entries'][number]

/** 积分明细: every entry of the ledger, newest first; the balance is their sum. */
export default function PointsHistoryPage() {
  const [balance, setBalance] = useState<number | null>(null)
  const [entries, setEntries] = useState<Entry[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async (from?: string) => {
    setBusy(true)
    const r = await pointsHistory(from)
    setBusy(false)
    if (!r.ok) return setError(r.error)
    setBalance(r.data.balance)
    setEntries(from ? [...entries, ...r.data.entries] : r.data.entries)
    setCursor(r.data.cursor)
  }
  useDidShow(() => void load())

  if (balance === null) return <StateView loading={!error} error={error} onRetry={() => void load()} />
  return (
    <View className='page' id='points-page'>
      <View className='hero'>
        <Text className='hero-sub'>当前积分</Text>
        <Text className='hero-title' id='points-balance'>
          {balance}
        </Text>
      </View>
      <View className='card'>
        {entries.length === 0 ? <StateView empty='还没有积分记录，缴费或购物后即可获得' /> : null}
        {entries.map((e) => (
          <View key={e.id} className='mb-entry'>
            <View className='mb-entry__main'>
              <Text className='mb-entry__title'>{e.title}</Text>
              <Text className='mb-entry__meta'>
                {POINT_KIND_LABELS[e.kind]} · {formatDateTime(e.at)}
                {e.expiresAt ? ` · ${formatDate(e.expiresAt)} 到期` : ''}
              </Text>
            </View>
            <Text className={`mb-delta ${e.delta < 0 ? 'mb-delta--minus' : ''}`}>{e.delta > 0 ? `+${e.delta}` : e.delta}</Text>
          </View>
        ))}
        {cursor ? (
          <Text className='mb-more' id='points-more' onClick={() => !busy && void load(cursor)}>
            {busy ? '加载中…' : '加载更多'}
          </Text>
        ) : null}
      </View>
    </View>
  )
}
