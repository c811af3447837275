import { useState } from 'react'
import { Button, Card, MessagePlugin, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { LINE_KIND_LABELS, type WorkerView } from '@contracts/booking-setup'
import { SERVICE_CATEGORY_LABELS } from '@contracts/service-categories'
import { formatFen } from '../../../../src/utils/money'
import { api } from '../../client/api'
import { navigate } from '../../router'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { useQuery } from '../../shell/use-query'
import { BLANK_LINE, LineDialog, type LineDraft } from './LineDialog'
import { hoursText } from '@contracts/work-hours'
import { WorkerDialog } from './WorkerDialog'

const priceText = (l: { priceFen: number | null; freeUnderPropertyFee: boolean }) => (l.freeUnderPropertyFee ? '物业费包含' : l.priceFen === null ? '上门报价' : formatFen(l.priceFen))
const skillsText = (w: WorkerView) => w.skills.map((s) => SERVICE_CATEGORY_LABELS[s]).join('、')

/** Home services: the catalogue residents book from, and the workers it is dispatched to. */
export function ServicesPage() {
  const { community } = useConsole()
  const lines = useQuery(() => api.booking.adminLines({}), [community.id])
  const workers = useQuery(() => api.booking.workers({}), [community.id])
  const [line, setLine] = useState<LineDraft | null>(null)
  const [worker, setWorker] = useState<WorkerView | null>(null)

  return (
    <div className='stack'>
      <PageShell query={lines}>
        {(d) => (
          <Card
            bordered={false}
            title={`服务项目 ${d.lines.filter((l) => l.active).length} 个上架`}
            subtitle='住户在小程序「到家服务」「报修」中预约的项目；服务标准是师傅上门逐项完成的清单。'
            actions={
              <Space size={8}>
                <ExportButtons
                  id='export-lines'
                  fileName={`${community.name}-服务项目`}
                  header={['项目', '类型', '类别', '价格', '时长（分钟）', '每时段上限', '服务标准', '状态']}
                  rows={() => d.lines.map((l) => [l.name, LINE_KIND_LABELS[l.kind], SERVICE_CATEGORY_LABELS[l.category], priceText(l), l.durationMin, l.slotCapacity, l.checklist.join('；'), l.active ? '上架' : '下架'])}
                />
                <Button id='line-new' theme='primary' icon={<AddIcon />} onClick={() => setLine(BLANK_LINE)}>
                  新增服务项目
                </Button>
              </Space>
            }
          >
            <Table
              className='lines-table'
              rowKey='id'
              data={d.lines}
              empty='还没有服务项目'
              columns={[
                {
                  colKey: 'name',
                  title: '项目',
                  width: 200,
                  cell: ({ row }) => (
                    <span className='cell-media'>
                      <PhotoThumb id={row.cover} size={36} alt={row.name} />
                      <span className='cell-media__text'>
                        <div>{row.name}</div>
                      </span>
                    </span>
                  )
                },
                { colKey: 'kind', title: '类型', width: 100, cell: ({ row }) => LINE_KIND_LABELS[row.kind] },
                { colKey: 'category', title: '类别', width: 110, cell: ({ row }) => SERVICE_CATEGORY_LABELS[row.category] },
                { colKey: 'priceFen', title: '价格', align: 'right', width: 120, cell: ({ row }) => priceText(row) },
                { colKey: 'durationMin', title: '时长', align: 'right', width: 90, cell: ({ row }) => `${row.durationMin} 分钟` },
                { colKey: 'slotCapacity', title: '每时段', align: 'right', width: 90, cell: ({ row }) => `${row.slotCapacity} 单` },
                { colKey: 'checklist', title: '服务标准', ellipsis: true, cell: ({ row }) => row.checklist.join('；') },
                {
                  colKey: 'active',
                  title: '状态',
                  width: 80,
                  cell: ({ row }) => (
                    <Tag theme={row.active ? 'success' : 'default'} variant='light'>
                      {row.active ? '上架' : '下架'}
                    </Tag>
                  )
                },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 80,
                  cell: ({ row }) => (
                    <Button variant='text' theme='primary' onClick={() => setLine(row)}>
                      修改
                    </Button>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <PageShell query={workers}>
        {(d) => (
          <Card
            bordered={false}
            title={`服务师傅 ${d.workers.length} 人`}
            subtitle='在「工作人员」中邀请服务师傅，对方接受后在这里建档：技能与工作时间决定派给谁。'
            actions={
              <Space size={8}>
                <ExportButtons
                  id='export-workers'
                  fileName={`${community.name}-服务师傅`}
                  header={['姓名', '手机', '技能', '工作时间', '所属', '资质证书', '状态']}
                  rows={() => d.workers.map((w) => [w.name, w.phone, skillsText(w), hoursText(w.hours), w.partner ? w.partnerCompany : '物业自有', `${w.certificates.length} 张`, w.workerId ? (w.active ? '接单中' : '暂停') : '未建档'])}
                />
                <Button variant='outline' icon={<AddIcon />} onClick={() => navigate('/staff')}>
                  邀请服务师傅
                </Button>
              </Space>
            }
          >
            <Table
              className='workers-table'
              rowKey='userId'
              data={d.workers}
              empty='还没有服务师傅'
              columns={[
                { colKey: 'name', title: '姓名', width: 120 },
                { colKey: 'phone', title: '手机', width: 130 },
                { colKey: 'skills', title: '技能', width: 220, cell: ({ row }) => skillsText(row) || '—' },
                { colKey: 'hours', title: '工作时间', cell: ({ row }) => (row.workerId ? hoursText(row.hours) : '—') },
                { colKey: 'partner', title: '所属', width: 200, cell: ({ row }) => (row.partner ? row.partnerCompany : '物业自有') },
                {
                  colKey: 'certificates',
                  title: '资质证书',
                  width: 150,
                  cell: ({ row }) =>
                    row.certificates.length ? (
                      <span className='cell-inline'>
                        {row.certificates.slice(0, 3).map((c, i) => (
                          <PhotoThumb key={c} id={c} size={32} alt={`${row.name}的证书第 ${i + 1} 张`} />
                        ))}
                        {row.certificates.length > 3 ? <span className='muted'>+{row.certificates.length - 3}</span> : null}
                      </span>
                    ) : (
                      <span className='muted'>未上传</span>
                    )
                },
                {
                  colKey: 'active',
                  title: '状态',
                  width: 90,
                  cell: ({ row }) =>
                    row.workerId === null ? (
                      <Tag theme='warning' variant='light'>
                        未建档
                      </Tag>
                    ) : (
                      <Tag theme={row.active ? 'success' : 'default'} variant='light'>
                        {row.active ? '接单中' : '暂停'}
                      </Tag>
                    )
                },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 80,
                  cell: ({ row }) => (
                    <Button variant='text' theme='primary' onClick={() => setWorker(row)}>
                      {row.workerId ? '修改' : '建档'}
                    </Button>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {line ? (
        <LineDialog
          draft={line}
          onClose={(saved) => {
            setLine(null)
            if (saved) {
              void MessagePlugin.success(`已保存${saved}`)
              void lines.reload()
            }
          }}
        />
      ) : null}
      {worker ? (
        <WorkerDialog
          worker={worker}
          onClose={(saved) => {
            setWorker(null)
            if (saved) {
              void MessagePlugin.success('已保存师傅档案')
              void workers.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
