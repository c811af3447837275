import { useState } from 'react'
import { Button, Card, MessagePlugin, Space, Switch, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { COUPON_KIND_LABELS, type TemplateViewT } from '@contracts/member'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { IssueDialog } from './IssueDialog'
import { SegmentsCard } from './SegmentsCard'
import { TemplateDialog } from './TemplateDialog'

/** Coupons (templates, stock, claiming, issuing to a segment) and the need segments they go to. */
export function MembersPage() {
  const { community } = useConsole()
  const templates = useQuery(() => api.member.templates({}), [community.id])
  // What a coupon's scope can name: the catalogue's products and the community's service lines.
  const catalog = useQuery(() => api.order.catalog({}), [community.id])
  const lines = useQuery(() => api.booking.adminLines({}), [community.id])
  const [creating, setCreating] = useState(false)
  const [issuing, setIssuing] = useState<TemplateViewT | null>(null)
  const [switching, setSwitching] = useState<string | null>(null)

  const patch = async (t: TemplateViewT, p: { active?: boolean; claimable?: boolean }) => {
    setSwitching(t.id)
    const res = await api.member.updateTemplate({ id: t.id, patch: p })
    setSwitching(null)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    templates.setData((prev) => ({ templates: (prev?.templates ?? []).map((x) => (x.id === t.id ? res.data : x)) }))
  }

  return (
    <div className='stack'>
      <PageShell query={templates}>
        {(d) => (
          <Card
            bordered={false}
            title={`优惠券 ${d.templates.length} 种`}
            subtitle='住户可在「领券中心」领取可领的券，也可以按楼栋、会员等级或需求分群定向发放；发放时占用库存。'
            actions={
              <Space size={8}>
                <ExportButtons
                  id='export-templates'
                  fileName={`${community.name}-优惠券`}
                  header={['名称', '类型', '优惠', '适用范围', '有效期', '库存', '已发放', '已使用', '每人限领', '住户可领', '状态', '创建时间']}
                  rows={() => d.templates.map((t) => [t.title, COUPON_KIND_LABELS[t.kind], t.label, t.scopeLabel, t.validityLabel, t.totalStock, t.issued, t.used, t.perUserLimit, t.claimable ? '是' : '否', t.active ? '上架' : '下架', formatDate(t.createdAt)])}
                />
                <Button id='template-new' theme='primary' icon={<AddIcon />} onClick={() => setCreating(true)}>
                  新建优惠券
                </Button>
              </Space>
            }
          >
            <Table
              className='templates-table'
              rowKey='id'
              data={d.templates}
              empty='还没有优惠券'
              columns={[
                {
                  colKey: 'title',
                  title: '优惠券',
                  cell: ({ row }) => (
                    <span>
                      <div>{row.title}</div>
                      <div className='muted'>{row.scopeLabel} · {row.validityLabel}</div>
                    </span>
                  )
                },
                { colKey: 'label', title: '优惠', width: 180, cell: ({ row }) => <Tag theme='warning' variant='light'>{row.label}</Tag> },
                { colKey: 'stock', title: '已发 / 库存', align: 'right', width: 120, cell: ({ row }) => `${row.issued} / ${row.totalStock}` },
                { colKey: 'used', title: '已使用', align: 'right', width: 120, cell: ({ row }) => `${row.used}${row.issued ? `（${Math.round((row.used / row.issued) * 100)}%）` : ''}` },
                { colKey: 'claimable', title: '住户可领', width: 90, cell: ({ row }) => <Switch size='small' value={row.claimable} loading={switching === row.id} onChange={(v) => void patch(row, { claimable: Boolean(v) })} /> },
                { colKey: 'active', title: '上架', width: 80, cell: ({ row }) => <Switch size='small' value={row.active} loading={switching === row.id} onChange={(v) => void patch(row, { active: Boolean(v) })} /> },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 100,
                  cell: ({ row }) => (
                    <Button className='template-issue' variant='text' theme='primary' disabled={!row.active || row.issued >= row.totalStock} onClick={() => setIssuing(row)}>
                      定向发放
                    </Button>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <SegmentsCard />
      {creating ? (
        <TemplateDialog
          scopes={{ product: (catalog.data?.products ?? []).map((p) => ({ value: p.id, label: p.name })), service: (lines.data?.lines ?? []).map((l) => ({ value: l.id, label: l.name })) }}
          onClose={(saved) => {
            setCreating(false)
            if (saved) {
              void MessagePlugin.success(`已新建${saved}`)
              void templates.reload()
            }
          }}
        />
      ) : null}
      {issuing ? (
        <IssueDialog
          template={issuing}
          onClose={(issued) => {
            setIssuing(null)
            if (issued !== null) {
              void MessagePlugin.success(`已发放 ${issued} 张`)
              void templates.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
