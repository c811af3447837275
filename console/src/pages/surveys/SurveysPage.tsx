import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import type { SurveySummary } from '@contracts/message-surveys'
import { SURVEY_PER_LABELS, SURVEY_STATE_LABELS, type SurveyState } from '@contracts/survey-kinds'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { SurveyDialog } from './SurveyDialog'
import { SurveyResults } from './SurveyResults'

const STATE_THEMES: Record<SurveyState, 'default' | 'success' | 'warning'> = { scheduled: 'warning', open: 'success', closed: 'default' }

/** Surveys (问卷调研): written here, answered in the mini-program or entered by butlers, read question by question. */
export function SurveysPage() {
  const { community } = useConsole()
  const q = useQuery(() => api.message.surveys({}), [community.id])
  const options = useQuery(() => api.message.noticeOptions({}), [community.id])
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<SurveySummary | null>(null)

  const close = async (s: SurveySummary) => {
    const res = await api.message.closeSurvey({ id: s.id })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已结束「${s.title}」`)
    void q.reload()
  }

  return (
    <div className='stack'>
      <PageShell query={q}>
        {(d) => (
          <Card
            bordered={false}
            title={`问卷 ${d.items.length} 份`}
            subtitle='住户在小程序「问卷调研」中填写；管家可代录纸质问卷和上门调研，渠道会被记录。映射到档案的题目，仅在住户授权后写入房屋档案。'
            actions={
              <Button id='survey-new' theme='primary' icon={<AddIcon />} disabled={!options.data} onClick={() => setCreating(true)}>
                发布问卷
              </Button>
            }
          >
            <Table
              className='surveys-table'
              rowKey='id'
              data={d.items}
              empty='还没有问卷，调研住户需求是了解每一户的开始'
              columns={[
                { colKey: 'title', title: '问卷' },
                { colKey: 'audienceLabel', title: '范围', width: 130, ellipsis: true },
                { colKey: 'per', title: '填写', width: 110, cell: ({ row }) => `${SURVEY_PER_LABELS[row.per]}${row.anonymous ? ' · 匿名' : ''}` },
                { colKey: 'closesAt', title: '截止', width: 150, cell: ({ row }) => formatDateTime(row.closesAt) },
                { colKey: 'responses', title: '回收', width: 80, align: 'right' },
                { colKey: 'state', title: '状态', width: 90, cell: ({ row }) => <Tag theme={STATE_THEMES[row.state]} variant='light'>{SURVEY_STATE_LABELS[row.state]}</Tag> },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 170,
                  cell: ({ row }) => (
                    <Space size={4}>
                      <Button variant='text' theme='primary' onClick={() => setOpen(row)}>
                        查看结果
                      </Button>
                      {row.state !== 'closed' ? (
                        <Popconfirm content={`提前结束「${row.title}」？结束后住户不能再填写。`} onConfirm={() => void close(row)}>
                          <Button variant='text' theme='danger'>
                            结束
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {creating && options.data ? (
        <SurveyDialog
          options={options.data}
          onClose={(saved) => {
            setCreating(false)
            if (saved) {
              void MessagePlugin.success(saved)
              void q.reload()
            }
          }}
        />
      ) : null}
      {open && options.data ? <SurveyResults survey={open} options={options.data} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
