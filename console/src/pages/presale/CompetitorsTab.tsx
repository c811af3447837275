import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Space, Table, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { COMPETITOR_CHANNEL_LABELS, type CompetitorPriceViewT, PROMO_FESTIVAL_LABELS } from '@contracts/competitor'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { CompetitorDialog } from './CompetitorDialog'

const DAY = 24 * 3600_000

type Promoted = CompetitorPriceViewT & { promotion: NonNullable<CompetitorPriceViewT['promotion']> }

/** The promotion's name, led by its festival unless the name says it already ("双12 年终好价"). */
function promoText(p: CompetitorPriceViewT): string {
  if (!p.promotion) return '—'
  const festival = PROMO_FESTIVAL_LABELS[p.promotion.festival]
  const name = p.promotion.name.includes(festival) ? p.promotion.name : `${festival} · ${p.promotion.name}`
  return p.promotion.priceFen !== null ? `${name} ${formatFen(p.promotion.priceFen)}` : name
}
const promoDates = (p: Promoted) => `${formatDate(p.promotion.startAt).slice(5)} – ${formatDate(p.promotion.endAt - DAY).slice(5)}`

/**
 * 竞品: what competitors ask for the same items, and their promotions on a calendar (running,
 * then upcoming by start), so a campaign is priced and timed against them.
 */
export function CompetitorsTab({ products }: { products: { id: string; name: string }[] }) {
  const { community } = useConsole()
  const q = useQuery(() => api.order.competitorPrices({}), [community.id])
  const [editing, setEditing] = useState<{ price: CompetitorPriceViewT | null } | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)

  const remove = async (p: CompetitorPriceViewT) => {
    setRemoving(p.id)
    const res = await api.order.removeCompetitorPrice({ id: p.id })
    setRemoving(null)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success('已删除')
    void q.reload()
  }

  return (
    <PageShell query={q}>
      {(d) => {
        const now = Date.now()
        const calendar = d.prices
          .filter((p): p is Promoted => p.promotion !== null && p.promotion.endAt > now)
          .sort((a, b) => a.promotion.startAt - b.promotion.startAt)
        return (
          <div className='stack'>
            <Card bordered={false} title='促销日历' subtitle='竞品进行中和将要开始的促销：避开对方大促，或提前备好我们的价格。'>
              {calendar.length === 0 ? (
                <div className='muted' id='promo-calendar-empty'>
                  近期没有记录到竞品促销
                </div>
              ) : (
                <div className='promo-calendar' id='promo-calendar'>
                  {calendar.map((p) => {
                    const running = p.promotion.startAt <= now
                    return (
                      <div className='promo-calendar__item' key={p.id}>
                        <div className='promo-calendar__dates'>{promoDates(p)}</div>
                        <Tag theme={running ? 'danger' : 'primary'} variant='light'>
                          {running ? '进行中' : '将开始'}
                        </Tag>
                        <div className='promo-calendar__text'>
                          <strong>{p.competitor}</strong> {promoText(p)}
                          <span className='muted'> · {p.productName ?? p.item}</span>
                        </div>
                      </div>
                    )
                  })}
                </div>
              )}
            </Card>
            <Card
              bordered={false}
              title={`竞品价格 ${d.prices.length} 条`}
              subtitle='店员或管家看到的竞品价格：选了对比商品的，新建预售时会显示在价格旁边。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-competitors'
                    fileName={`${community.name}-竞品价格`}
                    header={['竞品', '渠道', '对方商品', '对比商品', '日常价', '促销', '促销日期', '附加价值', '看到日期', '记录人']}
                    rows={() =>
                      d.prices.map((p) => [
                        p.competitor,
                        COMPETITOR_CHANNEL_LABELS[p.channel],
                        p.item,
                        p.productName ?? '',
                        formatFen(p.priceFen),
                        promoText(p),
                        p.promotion ? `${formatDate(p.promotion.startAt)} – ${formatDate(p.promotion.endAt - DAY)}` : '',
                        p.addedValue,
                        formatDate(p.seenAt),
                        p.recordedBy
                      ])
                    }
                  />
                  <Button id='competitor-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing({ price: null })}>
                    记录竞品价格
                  </Button>
                </Space>
              }
            >
              <Table
                className='competitors-table'
                rowKey='id'
                data={d.prices}
                empty='还没有竞品价格。看到对手的价格和促销，就记一条'
                columns={[
                  {
                    colKey: 'competitor',
                    title: '竞品',
                    width: 170,
                    cell: ({ row }) => (
                      <span className='cell-media__text'>
                        <div>{row.competitor}</div>
                        <div className='muted'>{COMPETITOR_CHANNEL_LABELS[row.channel]}</div>
                      </span>
                    )
                  },
                  {
                    colKey: 'item',
                    title: '对方商品 / 对比商品',
                    ellipsis: true,
                    cell: ({ row }) => (
                      <span className='cell-media__text'>
                        <div>{row.item}</div>
                        <div className='muted'>{row.productName ? `对比 ${row.productName}` : '未对比商品'}</div>
                      </span>
                    )
                  },
                  { colKey: 'price', title: '日常价', align: 'right', width: 100, cell: ({ row }) => formatFen(row.priceFen) },
                  { colKey: 'promotion', title: '促销', width: 220, ellipsis: true, cell: ({ row }) => promoText(row) },
                  { colKey: 'addedValue', title: '附加价值', ellipsis: true, cell: ({ row }) => row.addedValue || '—' },
                  { colKey: 'seenAt', title: '看到日期', width: 110, cell: ({ row }) => formatDate(row.seenAt) },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 120,
                    cell: ({ row }) => (
                      <Space size={0}>
                        <Button variant='text' theme='primary' onClick={() => setEditing({ price: row })}>
                          修改
                        </Button>
                        <Popconfirm content={`删除${row.competitor}的这条价格？`} onConfirm={() => void remove(row)}>
                          <Button variant='text' theme='danger' loading={removing === row.id}>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    )
                  }
                ]}
              />
            </Card>
            {editing ? (
              <CompetitorDialog
                price={editing.price}
                products={products}
                onClose={(saved) => {
                  setEditing(null)
                  if (!saved) return
                  void MessagePlugin.success(`已保存${saved}`)
                  void q.reload()
                }}
              />
            ) : null}
          </div>
        )
      }}
    </PageShell>
  )
}
