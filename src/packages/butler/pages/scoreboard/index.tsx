import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { api, useSession } from '../../../../client'
import { answerFor } from '../../../../utils/answer-for'
import { Icon, Segmented, type SegmentedOption } from '../../../../ui/kit'
import { EmptyState, LoadingState, PageShell, useQuery } from '../../../../ui/shell'
import { percent, shortDay } from '../../format'
import { growLink } from '../../links'
import '../../butler.scss'

type Week = '0' | '1'
const WEEKS: SegmentedOption<Week>[] = [{ value: '0', label: '本周' }, { value: '1', label: '上周' }]

/** 本周排行: butlers ranked by how much of their daily task targets they reached. */
export default function ScoreboardPage() {
  const [week, setWeek] = useState<Week>('0')
  const q = useQuery(() => answerFor(week, api.insights.scoreboard({ weeksAgo: Number(week) })), [week])
  const me = useSession().me?.user.id

  return (
    <PageShell id='scoreboard-page' query={q}>
      {({ choice, value: data }) => (
        <>
          <Segmented<Week> id='week' value={week} options={WEEKS} onChange={setWeek} />
          {choice !== week ? (
            <LoadingState />
          ) : (
            <>
              <Text className='bt-meta bt-week'>
                {shortDay(data.weekStart)} 至 {shortDay(data.weekEnd)}，按任务完成率排名
              </Text>
              {data.rows.length === 0 ? <EmptyState title='这一周还没有管家任务' hint='任务每晚生成，完成后这里按完成率排名' /> : null}
              {data.rows.map((r) => (
                <View
                  key={r.butlerUserId}
                  className={`card ${r.butlerUserId === me ? 'bt-me' : ''}`}
                  id={`rank-${r.butlerUserId}`}
                  onClick={r.butlerUserId === me ? () => void Taro.navigateTo({ url: growLink() }) : undefined}
                >
                  <View className='bt-row-start'>
                    <Text className={`bt-rank ${r.rank <= 3 ? `bt-rank--${r.rank}` : ''}`}>{r.rank}</Text>
                    <View className='bt-hh__main'>
                      <View className='bt-title-row'>
                        <Text className='bt-title'>
                          {r.name}
                          {r.butlerUserId === me ? '（我）' : ''}
                        </Text>
                        <Text className='bt-pct'>{percent(r.completionBp)}</Text>
                      </View>
                      <View className='bt-bar'>
                        <View className='bt-bar__fill' style={{ width: `${Math.min(100, r.completionBp / 100)}%` }} />
                      </View>
                      <View className='bt-stat-row'>
                        <Text>
                          完成 {r.achieved}/{r.target}
                        </Text>
                        <Text>任务 {r.tasks} 项</Text>
                        <Text>跟进 {r.followUps} 次</Text>
                        <Text>召回 {r.reactivated} 户</Text>
                        <Text>培训证书 {r.certificates} 张</Text>
                        {r.praises > 0 ? <Text>表扬信 {r.praises} 封</Text> : null}
                        {r.surveyRateBp !== null ? <Text>问卷回收 {Math.round(r.surveyRateBp / 100)}%</Text> : null}
                      </View>
                      {r.butlerUserId === me ? (
                        <View className='bt-more' id='scoreboard-grow'>
                          <Text>我的证书与佣金</Text>
                          <Icon name='arrow-right' size='xs' color='primary' />
                        </View>
                      ) : null}
                    </View>
                  </View>
                </View>
              ))}
            </>
          )}
        </>
      )}
    </PageShell>
  )
}
