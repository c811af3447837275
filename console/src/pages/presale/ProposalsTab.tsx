import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Progress, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { PRODUCT_KIND_LABELS, type ProductViewT } from '@contracts/order'
import { PROPOSAL_STATUS_LABELS, type ProposalStatus, type ProposalViewT } from '@contracts/proposal'
import { formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { useQuery } from '../../shell/use-query'
import { CampaignDialog } from './CampaignDialog'
import { ProposalDialog } from './ProposalDialog'
import { ProposalDrawer } from './ProposalDrawer'

const STATUS_THEMES: Record<ProposalStatus, 'default' | 'primary' | 'success' | 'warning'> = { open: 'primary', converting: 'warning', converted: 'success', closed: 'default' }

const progress = (p: ProposalViewT) => Math.min(100, Math.round((p.registered / p.threshold) * 100))

interface Catalog {
  products: ProductViewT[]
  pickupPoints: { id: string; name: string; address: string }[]
  buildings: { id: string; name: string }[]
}

/**
 * 意向登记: what residents were asked about before anything is bought, how close each is to its
 * 成团数量, and the step to a pre-sale (on sale at once, every registration reserved).
 */
export function ProposalsTab({ catalog, onConverted }: { catalog: Catalog; onConverted: () => void }) {
  const { community } = useConsole()
  const q = useQuery(() => api.order.proposals({ scope: 'all' }), [community.id])
  const [editing, setEditing] = useState<{ proposal: ProposalViewT | null } | null>(null)
  const [converting, setConverting] = useState<ProposalViewT | null>(null)
  const [board, setBoard] = useState<string | null>(null)
  const [closing, setClosing] = useState<string | null>(null)

  const close = async (p: ProposalViewT) => {
    setClosing(p.id)
    const res = await api.order.closeProposal({ id: p.id })
    setClosing(null)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已结束征集，已通知 ${p.households} 户`)
    void q.reload()
  }

  return (
    <PageShell query={q}>
      {(d) => (
        <Card
          bordered={false}
          title={`意向登记 ${d.proposals.length} 项`}
          subtitle='先问住户要不要、要多少（接龙），达到成团数量再采购：转为预售时登记的住户自动获得预留，付款即确认。'
          actions={
            <Space size={8}>
              <ExportButtons
                id='export-proposals'
                fileName={`${community.name}-意向登记`}
                header={['意向', '类型', '状态', '预计价格', '登记户数', '登记数量', '成团数量', '征集截止', '预留订单']}
                rows={() =>
                  d.proposals.map((p) => [p.title, PRODUCT_KIND_LABELS[p.kind], PROPOSAL_STATUS_LABELS[p.status], formatFen(p.indicativePriceFen), p.households, p.registered, p.threshold, formatDateTime(p.closesAt), p.reserved?.orders ?? ''])
                }
              />
              <Button id='proposal-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing({ proposal: null })}>
                发起意向登记
              </Button>
            </Space>
          }
        >
          <Table
            className='proposals-table'
            rowKey='id'
            data={d.proposals}
            empty='还没有意向登记。想上新商品或服务，先发起一次接龙问问大家'
            columns={[
              {
                colKey: 'title',
                title: '意向',
                cell: ({ row }) => (
                  <span className='cell-media'>
                    <PhotoThumb id={row.images[0] ?? null} size={44} alt={row.title} />
                    <span className='cell-media__text'>
                      <div>{row.title}</div>
                      <div className='muted'>
                        {PRODUCT_KIND_LABELS[row.kind]} · 预计 {formatFen(row.indicativePriceFen)}/{row.unit}
                      </div>
                    </span>
                  </span>
                )
              },
              { colKey: 'status', title: '状态', width: 96, cell: ({ row }) => <Tag theme={STATUS_THEMES[row.status]} variant='light'>{PROPOSAL_STATUS_LABELS[row.status]}</Tag> },
              {
                colKey: 'registered',
                title: '登记 / 成团',
                width: 210,
                cell: ({ row }) => (
                  <div className='proposal-progress'>
                    <div>
                      {row.households} 户 · {row.registered} / {row.threshold} {row.unit}
                    </div>
                    <Progress percentage={progress(row)} size='small' status={row.registered >= row.threshold ? 'success' : 'active'} label={false} />
                  </div>
                )
              },
              { colKey: 'closesAt', title: '征集截止', width: 150, cell: ({ row }) => formatDateTime(row.closesAt) },
              { colKey: 'reserved', title: '预留', width: 110, cell: ({ row }) => (row.reserved ? `${row.reserved.orders} 单 ${row.reserved.quantity} ${row.unit}` : '—') },
              {
                colKey: 'op',
                title: '操作',
                width: 230,
                cell: ({ row }) => (
                  <Space size={0}>
                    {row.status === 'open' || row.status === 'converting' ? (
                      <Button className='proposal-convert' variant='text' theme='primary' disabled={row.households === 0} onClick={() => setConverting(row)}>
                        {row.status === 'converting' ? '继续转预售' : '转为预售'}
                      </Button>
                    ) : null}
                    {row.status === 'open' ? (
                      <>
                        <Button variant='text' theme='primary' onClick={() => setEditing({ proposal: row })}>
                          修改
                        </Button>
                        <Popconfirm content={`结束征集、不转预售？将通知已登记的 ${row.households} 户。`} onConfirm={() => void close(row)}>
                          <Button variant='text' theme='danger' loading={closing === row.id}>
                            结束
                          </Button>
                        </Popconfirm>
                      </>
                    ) : null}
                    <Button className='proposal-board' variant='text' theme='primary' onClick={() => setBoard(row.id)}>
                      看板
                    </Button>
                  </Space>
                )
              }
            ]}
          />
          {editing ? (
            <ProposalDialog
              proposal={editing.proposal}
              onClose={(saved) => {
                setEditing(null)
                if (!saved) return
                void MessagePlugin.success(`已保存${saved}`)
                void q.reload()
              }}
            />
          ) : null}
          {converting ? (
            <CampaignDialog
              campaign={null}
              proposal={converting}
              catalog={catalog}
              onClose={(done) => {
                setConverting(null)
                if (!done) return
                void MessagePlugin.success({ content: done, duration: 6000 })
                void q.reload()
                onConverted()
              }}
            />
          ) : null}
          {board ? <ProposalDrawer proposalId={board} onClose={() => setBoard(null)} /> : null}
        </Card>
      )}
    </PageShell>
  )
}
