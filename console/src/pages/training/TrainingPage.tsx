import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Select, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import type { CourseRowT } from '@contracts/training'
import { COURSE_STATUSES, COURSE_STATUS_LABELS, type CourseStatus, TRAINING_LINES, TRAINING_LINE_LABELS, type TrainingLine } from '@contracts/training-labels'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { useQuery } from '../../shell/use-query'
import { type CourseForm, blankCourse, formOf } from './course-form'
import { CourseDialog } from './CourseDialog'

const STATUS_THEMES: Record<CourseStatus, 'default' | 'success' | 'warning'> = { draft: 'warning', published: 'success', archived: 'default' }

/**
 * Butler training (培训课程): the courses each business line brings, written here and taken by the
 * butlers in the mini-program; a required course must be passed before the line's selling kit opens.
 */
export function TrainingPage() {
  const { community } = useConsole()
  const [line, setLine] = useState<TrainingLine | undefined>(undefined)
  const [status, setStatus] = useState<CourseStatus | undefined>(undefined)
  const courses = useQuery(() => api.training.list({ line, status }), [community.id, line, status])
  const [editing, setEditing] = useState<CourseForm | null>(null)

  const edit = async (row: CourseRowT) => {
    const res = await api.training.get({ id: row.id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    setEditing(formOf(res.data))
  }
  const move = async (row: CourseRowT, to: 'publish' | 'archive') => {
    const res = await api.training[to]({ id: row.id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(to === 'publish' ? `已发布「${row.title}」，管家可以开始学习` : `已归档「${row.title}」`)
    void courses.reload()
  }

  return (
    <div className='stack'>
      <PageShell query={courses}>
        {(d) => (
          <Card
            bordered={false}
            title={`培训课程 ${d.items.length} 门`}
            subtitle='每条业务线的情境课与测验；管家在小程序里学习，测验达到及格线即获结业证书。'
            actions={
              <Space size={8}>
                <ExportButtons
                  id='export-courses'
                  fileName={`${community.name}-培训课程`}
                  header={['课程', '业务线', '必修', '情境课（节）', '测验（题）', '及格线', '已发证书', '状态', '更新时间']}
                  rows={() => d.items.map((c) => [c.title, TRAINING_LINE_LABELS[c.line], c.requiredFor ? '必修' : '选修', c.lessons, c.questions, `${c.passPercent}%`, c.certificates, COURSE_STATUS_LABELS[c.status], formatDateTime(c.updatedAt)])}
                />
                <Button id='course-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing(blankCourse())}>
                  新建课程
                </Button>
              </Space>
            }
          >
            <div className='toolbar'>
              <Select className='filter-line' style={{ width: 160 }} clearable placeholder='全部业务线' value={line} onChange={(v) => setLine(TRAINING_LINES.find((l) => l === v))} options={TRAINING_LINES.map((l) => ({ value: l, label: TRAINING_LINE_LABELS[l] }))} />
              <Select className='filter-status' style={{ width: 140 }} clearable placeholder='全部状态' value={status} onChange={(v) => setStatus(COURSE_STATUSES.find((s) => s === v))} options={COURSE_STATUSES.map((s) => ({ value: s, label: COURSE_STATUS_LABELS[s] }))} />
            </div>
            <Table
              className='courses-table'
              rowKey='id'
              data={d.items}
              empty='还没有培训课程：点「新建课程」写第一门'
              columns={[
                {
                  colKey: 'title',
                  title: '课程',
                  ellipsis: true,
                  cell: ({ row }) => (
                    <span className='cell-media'>
                      <PhotoThumb id={row.cover} size={36} alt={row.title} />
                      <span className='cell-media__text'>
                        <div>{row.title}</div>
                      </span>
                    </span>
                  )
                },
                { colKey: 'line', title: '业务线', width: 100, cell: ({ row }) => TRAINING_LINE_LABELS[row.line] },
                {
                  colKey: 'requiredFor',
                  title: '必修',
                  width: 70,
                  cell: ({ row }) =>
                    row.requiredFor ? (
                      <Tag theme='danger' variant='light'>
                        必修
                      </Tag>
                    ) : (
                      <span className='muted'>选修</span>
                    )
                },
                { colKey: 'lessons', title: '情境课', align: 'right', width: 80, cell: ({ row }) => `${row.lessons} 节` },
                { colKey: 'questions', title: '测验', align: 'right', width: 80, cell: ({ row }) => `${row.questions} 题` },
                { colKey: 'passPercent', title: '及格线', align: 'right', width: 80, cell: ({ row }) => `${row.passPercent}%` },
                { colKey: 'certificates', title: '已发证书', align: 'right', width: 90, cell: ({ row }) => `${row.certificates} 张` },
                {
                  colKey: 'status',
                  title: '状态',
                  width: 80,
                  cell: ({ row }) => (
                    <Tag theme={STATUS_THEMES[row.status]} variant='light'>
                      {COURSE_STATUS_LABELS[row.status]}
                    </Tag>
                  )
                },
                { colKey: 'updatedAt', title: '更新时间', width: 150, cell: ({ row }) => formatDateTime(row.updatedAt) },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 140,
                  cell: ({ row }) => (
                    <Space size={0}>
                      {row.status !== 'archived' ? (
                        <Button className='course-edit' variant='text' theme='primary' onClick={() => void edit(row)}>
                          修改
                        </Button>
                      ) : null}
                      {row.status === 'published' ? (
                        <Popconfirm content={`归档后管家看不到这门课，已发的证书保留。归档「${row.title}」？`} onConfirm={() => void move(row, 'archive')}>
                          <Button className='course-archive' variant='text' theme='default'>
                            归档
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button className='course-publish' variant='text' theme='primary' onClick={() => void move(row, 'publish')}>
                          {row.status === 'archived' ? '重新发布' : '发布'}
                        </Button>
                      )}
                    </Space>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {editing ? (
        <CourseDialog
          initial={editing}
          onClose={(saved) => {
            setEditing(null)
            if (saved) {
              void MessagePlugin.success(`已保存「${saved}」`)
              void courses.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
