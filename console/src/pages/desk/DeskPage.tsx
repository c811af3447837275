import { useState } from 'react'
import { Button, Card, MessagePlugin, Space } from 'tdesign-react'
import type { HouseholdHitT } from '@contracts/desk-find'
import type { WorkOrderViewT } from '@contracts/desk-work'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { WorkOrderDrawer } from '../work-orders/WorkOrderDrawer'
import { WorkOrderTable } from '../work-orders/WorkOrderTable'
import { BookForDialog } from './BookForDialog'
import { OrderForDialog } from './OrderForDialog'
import { CallerSearch } from './CallerSearch'
import { WorkOrderForm } from './WorkOrderForm'

/**
 * The service desk (客服台), where a call or a walk-in is taken: find the household, log what they
 * need for them with the channel it came by, and see what is open now, breaches first.
 */
export function DeskPage() {
  const { community } = useConsole()
  const [household, setHousehold] = useState<HouseholdHitT | null>(null)
  const [open, setOpen] = useState<WorkOrderViewT | null>(null)
  const [booking, setBooking] = useState(false)
  const [ordering, setOrdering] = useState(false)
  const active = useQuery(() => api.desk.workOrders({ view: 'active' }), [community.id])
  const stats = useQuery(() => api.desk.deskStats({ days: 1 }), [community.id])
  const now = Date.now()

  const created = (wo: WorkOrderViewT) => {
    void MessagePlugin.success(`已登记工单 ${wo.no}${wo.assignee ? `，已派给${wo.assignee.name}` : '，请尽快派单'}`)
    void active.reload()
    void stats.reload()
  }

  return (
    <div className='stack'>
      <PageShell query={stats}>
        {(s) => (
          <div className='stats' id='desk-stats'>
            <Stat label='近 24 小时登记' value={`${s.total} 单`} />
            <Stat label='超时未处理' value={`${s.breachedNow} 单`} />
            <Stat label='待回访' value={`${s.awaitingVisit} 单`} />
            <Stat label='近 24 小时响应达标' value={s.compliance[0]?.metBp == null ? '—' : `${Math.round(s.compliance[0].metBp / 100)}%`} />
          </div>
        )}
      </PageShell>
      <div className='desk-grid'>
        <Card bordered={false} title='查找房屋' subtitle='来电或来访，先找到房屋并与对方核对'>
          <CallerSearch selected={household} onSelect={setHousehold} />
        </Card>
        <Card
          bordered={false}
          title='登记工单'
          subtitle='报修、投诉、咨询，代住户登记后按类型计时并派单'
          actions={
            household ? (
              <Space size='small'>
                <Button id='desk-order-for' variant='outline' onClick={() => setOrdering(true)}>
                  代下预售订单
                </Button>
                <Button id='desk-book-for' variant='outline' onClick={() => setBooking(true)}>
                  代约上门服务
                </Button>
              </Space>
            ) : null
          }
        >
          {household ? <WorkOrderForm key={household.householdId} household={household} onCreated={created} /> : <div className='muted desk-empty'>先在左侧找到房屋</div>}
        </Card>
      </div>
      <Card bordered={false} title='处理中的工单' subtitle='超时的排在前面，点详情可改派、回访、重开'>
        <PageShell query={active}>
          {(d) => (
            <WorkOrderTable
              rows={[...d.workOrders].sort((a, b) => Number(b.breached) - Number(a.breached))}
              now={now}
              loading={active.refreshing}
              empty='现在没有处理中的工单'
              onOpen={setOpen}
            />
          )}
        </PageShell>
      </Card>
      {booking && household ? (
        <BookForDialog
          household={household}
          onClose={(done) => {
            setBooking(false)
            if (done) {
              void MessagePlugin.success(done)
              void active.reload()
            }
          }}
        />
      ) : null}
      {ordering && household ? (
        <OrderForDialog
          household={household}
          onClose={(done) => {
            setOrdering(false)
            if (done) void MessagePlugin.success({ content: done, duration: 6000 })
          }}
        />
      ) : null}
      {open ? (
        <WorkOrderDrawer
          workOrder={open}
          onClose={() => setOpen(null)}
          onChanged={() => {
            void active.reload()
            void stats.reload()
          }}
        />
      ) : null}
    </div>
  )
}
