import { useState } from 'react'
import { Button, Card, Progress, Table } from 'tdesign-react'
import { CopyIcon } from 'tdesign-icons-react'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { Stat } from '../../shell/Stat'
import { useQuery } from '../../shell/use-query'
import { GoLiveCard } from './GoLiveCard'
import { ReplicateDialog } from './ReplicateDialog'

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0)

/** The operator's view of a community: what is left before going live, households and how many are bound, per building and per grid. */
export function OverviewPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.user.communityOverview({}), [community.id])
  const list = useQuery(() => api.office.checklist({}), [community.id])
  const [replicating, setReplicating] = useState(false)
  return (
    <div className='stack'>
      <PageShell query={list}>{(l) => <GoLiveCard list={l} />}</PageShell>
      {/* An empty community has only the checklist to show: it says to import the households first. */}
      <PageShell query={q}>
        {(d) =>
          d.households === 0 ? null : (
            <div className='stack'>
              <div className='stats' id='overview-stats'>
                <Stat label='房屋' value={`${d.households} 户`} />
                <Stat label='已绑定' value={`${d.boundHouseholds} 户`} />
                <Stat label='绑定率' value={`${percent(d.boundHouseholds, d.households)}%`} />
                <Stat label='住户' value={`${d.residents} 人`} />
              </div>
              <Card
                title='各楼栋绑定情况'
                bordered={false}
                actions={
                  <ExportButtons
                    id='export-buildings'
                    fileName={`${d.communityName}-楼栋绑定情况`}
                    header={['楼栋', '房屋（户）', '已绑定（户）', '绑定率']}
                    rows={() => d.buildings.map((b) => [b.name, b.households, b.bound, `${percent(b.bound, b.households)}%`])}
                  />
                }
              >
                <Table
                  className='buildings-table'
                  rowKey='id'
                  data={d.buildings}
                  columns={[
                    { colKey: 'name', title: '楼栋', width: 160 },
                    { colKey: 'households', title: '房屋（户）', align: 'right', width: 120 },
                    { colKey: 'bound', title: '已绑定（户）', align: 'right', width: 120 },
                    {
                      colKey: 'rate',
                      title: '绑定率',
                      cell: ({ row }) => <Progress percentage={percent(row.bound, row.households)} theme='line' />
                    }
                  ]}
                  pagination={d.buildings.length > 20 ? { defaultPageSize: 20, total: d.buildings.length } : undefined}
                />
              </Card>
              <Card title='网格与管家' bordered={false}>
                <Table
                  className='grids-table'
                  rowKey='id'
                  data={d.grids}
                  empty='还没有划分网格'
                  columns={[
                    { colKey: 'name', title: '网格', width: 200 },
                    { colKey: 'butlerName', title: '网格管家', width: 200 },
                    { colKey: 'buildings', title: '楼栋数', align: 'right' }
                  ]}
                />
              </Card>
            </div>
          )
        }
      </PageShell>
      <Card
        bordered={false}
        title='复制到新社区'
        subtitle='试点做好后，以本社区为样板新建社区：服务项目、商品、收费项目、活动模板、会员券与规则一并复制，再按上线检查导入房屋、邀请员工。'
        actions={
          <Button id='replicate-new' variant='outline' icon={<CopyIcon />} onClick={() => setReplicating(true)}>
            以本社区为样板新建
          </Button>
        }
      />
      {replicating ? <ReplicateDialog onClose={() => setReplicating(false)} /> : null}
    </div>
  )
}
