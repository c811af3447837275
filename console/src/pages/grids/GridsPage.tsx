import { useState } from 'react'
import { Alert, Button, Card, MessagePlugin, Popconfirm, Space, Table } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { GridDialog, type GridDraft } from './GridDialog'

/** Buildings grouped into grids, each looked after by one butler; unassigned buildings stand out. */
export function GridsPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.office.grids({}), [community.id])
  const [editing, setEditing] = useState<GridDraft | null>(null)

  const remove = async (id: string, name: string) => {
    const res = await api.office.deleteGrid({ id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已删除${name}，其楼栋回到未划分`)
    void q.reload()
  }

  return (
    <>
      <PageShell
        query={q}
        empty={(d) => (d.buildings.length === 0 ? { title: '这个社区还没有楼栋', hint: '先在「房屋」中导入楼栋与房屋，再划分网格' } : null)}
      >
        {(d) => {
          const names = new Map(d.buildings.map((b) => [b.id, b.name]))
          const unassigned = d.buildings.filter((b) => b.gridId === null)
          return (
            <Card
              bordered={false}
              title={`网格 ${d.grids.length} 个`}
              subtitle='每栋楼属于一个网格，每个网格由一位管家负责；管家在小程序里看到自己网格的住户与任务。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-grids'
                    fileName={`${community.name}-网格`}
                    header={['网格', '网格管家', '楼栋', '房屋（户）']}
                    rows={() => d.grids.map((g) => [g.name, g.butlerName, g.buildingIds.map((b) => names.get(b) ?? '').join('、'), g.households])}
                  />
                  <Button
                    id='grid-new'
                    theme='primary'
                    icon={<AddIcon />}
                    onClick={() => setEditing({ name: '', butlerUserId: d.butlers[0]?.userId ?? '', buildingIds: unassigned.map((b) => b.id) })}
                  >
                    新建网格
                  </Button>
                </Space>
              }
            >
              {unassigned.length > 0 ? (
                <Alert
                  className='grids-unassigned'
                  theme='warning'
                  message={`${unassigned.length} 栋楼还没有划入网格：${unassigned.map((b) => b.name).join('、')}。这些楼的住户没有管家跟进。`}
                />
              ) : null}
              <Table
                className='grids-table'
                rowKey='id'
                data={d.grids}
                empty='还没有划分网格'
                columns={[
                  { colKey: 'name', title: '网格', width: 160 },
                  { colKey: 'butlerName', title: '网格管家', width: 140 },
                  { colKey: 'buildingIds', title: '楼栋', cell: ({ row }) => row.buildingIds.map((b) => names.get(b) ?? '').join('、') },
                  { colKey: 'households', title: '房屋（户）', align: 'right', width: 120 },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 160,
                    cell: ({ row }) => (
                      <Space size={4}>
                        <Button variant='text' theme='primary' onClick={() => setEditing({ id: row.id, name: row.name, butlerUserId: row.butlerUserId, buildingIds: row.buildingIds })}>
                          修改
                        </Button>
                        <Popconfirm content={`删除${row.name}？它的楼栋将回到未划分。`} onConfirm={() => void remove(row.id, row.name)}>
                          <Button variant='text' theme='danger'>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    )
                  }
                ]}
              />
            </Card>
          )
        }}
      </PageShell>
      {editing && q.data ? (
        <GridDialog
          data={q.data}
          draft={editing}
          onClose={(saved) => {
            setEditing(null)
            if (saved) {
              void MessagePlugin.success(`已保存${saved}`)
              void q.reload()
            }
          }}
        />
      ) : null}
    </>
  )
}
