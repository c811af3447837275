import { Card } from 'tdesign-react'
import type { OutputOf } from '@contracts/registry'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import type { Query } from '../../shell/use-query'

const pct = (bp: number | null) => (bp === null ? '—' : `${Math.round(bp / 100)}%`)

/**
 * The desk over the last 30 days: how many work orders, how many of each SLA stage were met in
 * time, what is breached now, the return visits' score, and how requests reached us by channel.
 */
export function DeskStatsCard({ query }: { query: Query<OutputOf<'desk.deskStats'>> }) {
  return (
    <PageShell query={query}>
      {(s) => (
        <Card bordered={false} title='服务台 · 近 30 天' subtitle='各环节达标率：已到时限的工单中按时完成该环节的比例' className='desk-stats-card'>
          <div className='stats stats--six' id='wo-stats'>
            <Stat label='工单' value={`${s.total} 单`} />
            {s.compliance.map((c) => (
              <Stat key={c.stage} label={`${c.label}达标率`} value={pct(c.metBp)} />
            ))}
            <Stat label='超时未处理' value={`${s.breachedNow} 单`} />
            <Stat label='回访满意度' value={s.avgScore === null ? '—' : `${s.avgScore} 分`} />
          </div>
          <div className='channel-bars' id='wo-channels'>
            {s.byChannel.map((c) => (
              <div key={c.channel} className='channel-bar'>
                <span className='channel-bar__label'>{c.label}</span>
                <span className='channel-bar__track'>
                  <span className='channel-bar__fill' style={{ width: `${s.total ? Math.round((c.count / s.total) * 100) : 0}%` }} />
                </span>
                <span className='channel-bar__count'>{c.count}</span>
              </div>
            ))}
          </div>
        </Card>
      )}
    </PageShell>
  )
}
