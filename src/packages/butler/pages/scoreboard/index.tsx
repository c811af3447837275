import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { ApiError } from '@contracts/errors'
import { StateView } from '../../../../components/StateView'
import { type Scoreboard, scoreboard } from '../../../../services/insights'
import { currentMe } from '../../../../services/session'
import { percent, shortDay } from '../../format'
import '../../butler.scss'

/** 本周排行: butlers ranked by how much of their daily task targets they reached. */
export default function ScoreboardPage() {
  const [weeksAgo, setWeeksAgo] = useState(0)
  const [data, setData] = useState<Scoreboard | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = async (w = weeksAgo) => {
    const r = await scoreboard(w)
    if (r.ok) {
      setData(r.data)
      setError(null)
    } else setError(r.error)
  }
  useDidShow(() => void load())
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()))
  const pick = (w: number) => {
    setWeeksAgo(w)
    setData(null)
    void load(w)
  }
  const me = currentMe()?.user.id

  return (
    <View className='page' id='scoreboard-page'>
      <View className='bt-chips'>
        {[
          { w: 0, label: '本周' },
          { w: 1, label: '上周' }
        ].map((t) => (
          <Text key={t.w} id={`week-${t.w}`} className={`bt-chip ${weeksAgo === t.w ? 'bt-chip--on' : ''}`} onClick={() => pick(t.w)}>
            {t.label}
          </Text>
        ))}
      </View>
      {!data ? (
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      ) : (
        <View>
          <Text className='muted' style={{ display: 'block', marginBottom: Taro.pxTransform(16) }}>
            {shortDay(data.weekStart)} — {shortDay(data.weekEnd)} · 按任务完成率排名
          </Text>
          {data.rows.length === 0 ? <StateView empty='这一周还没有管家任务' /> : null}
          {data.rows.map((r) => (
            <View key={r.butlerUserId} className={`card ${r.butlerUserId === me ? 'bt-me' : ''}`} id={`rank-${r.butlerUserId}`}>
              <View className='bt-row-start'>
                <Text className={`bt-rank ${r.rank <= 3 ? `bt-rank--${r.rank}` : ''}`}>{r.rank}</Text>
                <View className='bt-hh__main'>
                  <View className='bt-title-row'>
                    <Text className='bt-title'>
                      {r.name}
                      {r.butlerUserId === me ? '（我）' : ''}
                    </Text>
                    <Text className='bt-title' style={{ flex: 'none' }}>
                      {percent(r.completionBp)}
                    </Text>
                  </View>
                  <View className='bt-bar' style={{ marginTop: Taro.pxTransform(8) }}>
                    <View className='bt-bar__fill' style={{ width: `${Math.min(100, r.completionBp / 100)}%` }} />
                  </View>
                  <View className='bt-stat-row'>
                    <Text>完成 {r.achieved}/{r.target}</Text>
                    <Text>任务 {r.tasks} 项</Text>
                    <Text>跟进 {r.followUps} 次</Text>
                    <Text>召回 {r.reactivated} 户</Text>
                  </View>
                </View>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
