import { Drawer, Progress, Table } from 'tdesign-react'
import type { StaffNoticeView } from '@contracts/message'
import { api } from '../../client/api'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100))

/** How far a notice has reached: households in its audience and those that opened it, per building. */
export function ReachDrawer({ notice, onClose }: { notice: StaffNoticeView; onClose: () => void }) {
  const q = useQuery(() => api.message.noticeStats({ id: notice.id }), [notice.id])
  return (
    <Drawer visible header={`阅读情况：${notice.title}`} size='640px' footer={false} onClose={onClose}>
      <PageShell query={q} empty={(d) => (d.buildings.length === 0 ? { title: '发布范围内还没有住户', hint: notice.audienceLabel } : null)}>
        {(d) => (
          <div className='stack'>
            <div className='stats'>
              <Stat label='覆盖户数' value={String(d.households)} />
              <Stat label='已读户数' value={String(d.reads)} />
              <Stat label='阅读率' value={`${percent(d.reads, d.households)}%`} />
            </div>
            <Table
              className='reach-table'
              rowKey='buildingId'
              data={d.buildings}
              columns={[
                { colKey: 'name', title: '楼栋', width: 120 },
                { colKey: 'households', title: '户数', width: 80, align: 'right' },
                { colKey: 'reads', title: '已读', width: 80, align: 'right' },
                { colKey: 'rate', title: '阅读率', cell: ({ row }) => <Progress percentage={percent(row.reads, row.households)} /> }
              ]}
            />
            <ExportButtons
              id='export-reach'
              fileName={`${notice.title}-阅读情况`}
              header={['楼栋', '户数', '已读户数', '阅读率']}
              rows={() => d.buildings.map((b) => [b.name, b.households, b.reads, `${percent(b.reads, b.households)}%`])}
            />
          </div>
        )}
      </PageShell>
    </Drawer>
  )
}
