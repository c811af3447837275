import { useState } from 'react'
import { Button, Card, Link, Select, Space, Table, Tag } from 'tdesign-react'
import { FileImportIcon, PrintIcon } from 'tdesign-icons-react'
import type { HouseholdView } from '@contracts/office'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { CodeSlips } from './CodeSlips'
import { ImportDialog } from './ImportDialog'

const PAGE_SIZES = [20, 50, 100]
const area = (cm2: number) => (cm2 / 100).toFixed(2)
const EXPORT_HEADER = ['楼栋', '单元', '房号', '建筑面积（㎡）', '业主', '业主手机', '租用车位', '住户（人）', '房屋码']
const codeText = (h: HouseholdView) => (h.codeIssuedAt ? `${formatDate(h.codeIssuedAt)} 已打印` : h.hasCode ? '已发放' : '未打印')

/**
 * The community's rooms: filtered by building, paged, exported; imported from the office's sheet
 * and their code slips printed by operators. Customer service (客服) reads the same table.
 */
export function HouseholdsPage() {
  const { community } = useConsole()
  const operator = community.roles.includes('operator')
  const [buildingId, setBuildingId] = useState('')
  const [paging, setPaging] = useState({ current: 1, pageSize: 50 })
  const [importing, setImporting] = useState(false)
  const [printing, setPrinting] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const filter = buildingId ? { buildingId } : {}
  const q = useQuery(
    () => api.office.households({ ...filter, offset: (paging.current - 1) * paging.pageSize, limit: paging.pageSize }),
    [community.id, buildingId, paging.current, paging.pageSize]
  )

  /** The whole filtered table, a hundred rows a call, for an export or a print run. */
  const everyHousehold = async () => {
    const all: HouseholdView[] = []
    for (let offset = 0; ; offset += 100) {
      const res = await api.office.households({ ...filter, offset, limit: 100 })
      if (!res.ok) throw new Error(res.error.message)
      all.push(...res.data.rows)
      if (all.length >= res.data.total || res.data.rows.length === 0) break
    }
    return all
  }
  const everyRow = async () =>
    (await everyHousehold()).map((h) => [h.building, h.unit, h.room, area(h.areaCm2), h.ownerName, h.ownerPhone, h.parkingSpaces || '', h.members, codeText(h)])

  const importButton = (
    <Button id='households-import' theme='primary' icon={<FileImportIcon />} onClick={() => setImporting(true)}>
      导入房屋
    </Button>
  )

  return (
    <>
      <PageShell
        query={q}
        empty={(d) =>
          d.total === 0 && !buildingId
            ? operator
              ? { title: '这个社区还没有房屋', hint: '从物业的房屋台账（Excel 或 CSV）导入楼栋、单元、房号、建筑面积与业主信息', action: { text: '导入房屋', onClick: () => setImporting(true) } }
              : { title: '这个社区还没有房屋', hint: '运营导入房屋台账后，这里会列出每一户' }
            : null
        }
      >
        {(d) => (
          <Card
            bordered={false}
            title={`房屋 ${d.buildings.reduce((n, b) => n + b.households, 0)} 户 · 楼栋 ${d.buildings.length} 栋`}
            actions={
              <Space size={8}>
                <ExportButtons id='export-households' fileName={`${community.name}-房屋`} header={EXPORT_HEADER} rows={everyRow} />
                {operator ? (
                  <>
                    <Button id='households-print' variant='outline' icon={<PrintIcon />} onClick={() => setPrinting(true)}>
                      {selected.length ? `打印所选 ${selected.length} 户的房屋码` : `打印${buildingId ? '本楼栋' : '全部'}房屋码`}
                    </Button>
                    {importButton}
                  </>
                ) : null}
              </Space>
            }
          >
            <div className='toolbar' id='households-building'>
              <Select
                style={{ width: 200 }}
                value={buildingId}
                onChange={(v) => {
                  setBuildingId(String(v ?? ''))
                  setSelected([])
                  setPaging((p) => ({ ...p, current: 1 }))
                }}
                options={[{ label: '全部楼栋', value: '' }, ...d.buildings.map((b) => ({ label: `${b.name}（${b.households} 户）`, value: b.id }))]}
              />
            </div>
            <Table
              className='households-table'
              rowKey='id'
              data={d.rows}
              loading={q.refreshing}
              selectedRowKeys={selected}
              onSelectChange={(keys) => setSelected(keys.map(String))}
              columns={[
                ...(operator ? [{ colKey: 'row-select', type: 'multiple' as const, width: 48 }] : []),
                { colKey: 'building', title: '楼栋', width: 100 },
                { colKey: 'unit', title: '单元', width: 90 },
                { colKey: 'room', title: '房号', width: 90 },
                { colKey: 'areaCm2', title: '建筑面积（㎡）', align: 'right', width: 130, cell: ({ row }) => area(row.areaCm2) },
                { colKey: 'ownerName', title: '业主', width: 100 },
                { colKey: 'ownerPhone', title: '业主手机', width: 140 },
                { colKey: 'parkingSpaces', title: '租用车位', align: 'right', width: 100, cell: ({ row }) => row.parkingSpaces || '' },
                {
                  colKey: 'members',
                  title: '住户',
                  width: 100,
                  cell: ({ row }) => (row.members > 0 ? `${row.members} 人` : <Tag variant='light'>未绑定</Tag>)
                },
                {
                  colKey: 'codeIssuedAt',
                  title: '房屋码',
                  cell: ({ row }) => (row.hasCode ? codeText(row) : <Tag theme='warning' variant='light'>未打印</Tag>)
                },
                {
                  colKey: 'file',
                  title: '',
                  width: 90,
                  cell: ({ row }) => (
                    <Link theme='primary' hover='color' href={`#/household/${encodeURIComponent(row.id)}`}>
                      户档案
                    </Link>
                  )
                }
              ]}
              pagination={{
                current: paging.current,
                pageSize: paging.pageSize,
                total: d.total,
                pageSizeOptions: PAGE_SIZES,
                onChange: (p) => setPaging({ current: p.current, pageSize: p.pageSize })
              }}
            />
          </Card>
        )}
      </PageShell>
      {printing ? (
        <CodeSlips
          communityName={community.name}
          householdIds={async () => (selected.length ? selected : (await everyHousehold()).map((h) => h.id))}
          onClose={(issued) => {
            setPrinting(false)
            if (issued) {
              setSelected([])
              void q.reload()
            }
          }}
        />
      ) : null}
      {importing ? (
        <ImportDialog
          hasBuildings={(q.data?.buildings.length ?? 0) > 0}
          onClose={(changed) => {
            setImporting(false)
            if (changed) void q.reload()
          }}
        />
      ) : null}
    </>
  )
}
