import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Space, Table, Tabs, Tag } from 'tdesign-react'
import { AddIcon } from 'tdesign-icons-react'
import { CAMPAIGN_STATUS_LABELS, type CampaignStatus, type CampaignViewT, DELIVERY_MODE_LABELS, PRODUCT_CATEGORY_LABELS, PRODUCT_KIND_LABELS, type ProductViewT } from '@contracts/order'
import { partLabel } from '@contracts/package'
import { formatFen } from '../../../../src/utils/money'
import { formatDate, formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { PhotoThumb } from '../../shell/PhotoThumb'
import { useQuery } from '../../shell/use-query'
import { KitDialog } from '../selling/KitDialog'
import { CampaignDialog } from './CampaignDialog'
import { CampaignDrawer } from './CampaignDrawer'
import { CompetitorsTab } from './CompetitorsTab'
import { ProductDialog } from './ProductDialog'
import { ProposalsTab } from './ProposalsTab'
import { PurchasesTab } from './PurchasesTab'
import { SupplierDialog, type SupplierRow } from './SupplierDialog'

const STATUS_THEMES: Record<CampaignStatus, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  draft: 'default',
  scheduled: 'primary',
  live: 'success',
  ended: 'warning',
  settling: 'warning',
  succeeded: 'success',
  failed: 'danger',
  fulfilled: 'default'
}

const priceRange = (fens: number[]) => {
  const lo = Math.min(...fens)
  const hi = Math.max(...fens)
  return fens.length === 0 ? '—' : lo === hi ? formatFen(lo) : `${formatFen(lo)} – ${formatFen(hi)}`
}
const stockOf = (c: CampaignViewT) => c.skus.reduce((n, s) => n + s.stock, 0)
const progressText = (c: CampaignViewT) => (c.threshold ? `${c.paidQuantity} / ${c.threshold}` : `${c.paidQuantity}`)

const TABS = ['campaigns', 'proposals', 'products', 'suppliers', 'purchases', 'competitors'] as const

type Editing = { kind: 'campaign'; campaign: CampaignViewT | null } | { kind: 'product'; product: ProductViewT | null } | { kind: 'supplier'; supplier: SupplierRow | null }

/** 严选预售 at a desk: campaigns with their progress, the catalogue with photos, and suppliers. */
export function PresalePage() {
  const { community } = useConsole()
  const campaigns = useQuery(() => api.order.adminCampaigns({}), [community.id])
  const catalog = useQuery(() => api.order.catalog({}), [community.id])
  const [tab, setTab] = useState<(typeof TABS)[number]>('campaigns')
  const [editing, setEditing] = useState<Editing | null>(null)
  const [board, setBoard] = useState<string | null>(null)
  const [kitFor, setKitFor] = useState<{ id: string; title: string } | null>(null)
  const [publishing, setPublishing] = useState<string | null>(null)

  const publish = async (c: CampaignViewT) => {
    setPublishing(c.id)
    const res = await api.order.publishCampaign({ id: c.id })
    setPublishing(null)
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`已发布，${formatDateTime(res.data.startAt)} 开售`)
    void campaigns.reload()
  }
  const saved = (what: string | null, reload: () => Promise<void>) => {
    setEditing(null)
    if (!what) return
    void MessagePlugin.success(`已保存${what}`)
    void reload()
  }

  return (
    <div className='stack'>
      <Tabs value={tab} onChange={(v) => setTab(TABS.find((t) => t === v) ?? 'campaigns')}>
        <Tabs.TabPanel value='campaigns' label='预售活动' />
        <Tabs.TabPanel value='proposals' label='意向登记' />
        <Tabs.TabPanel value='products' label='商品' />
        <Tabs.TabPanel value='suppliers' label='供应商' />
        <Tabs.TabPanel value='purchases' label='采购与结算' />
        <Tabs.TabPanel value='competitors' label='竞品价格' />
      </Tabs>
      {tab === 'campaigns' ? (
        <PageShell query={campaigns}>
          {(d) => (
            <Card
              bordered={false}
              title={`预售 ${d.campaigns.length} 场`}
              subtitle='先收集订单、达到成团数量再采购配送；未成团的订单在截止后自动原路退款。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-campaigns'
                    fileName={`${community.name}-预售`}
                    header={['标题', '商品', '状态', '开售', '截止', '预售价', '库存', '已售', '已付', '成团数量', '配送', '配送日期']}
                    rows={() => d.campaigns.map((c) => [c.title, c.productName, CAMPAIGN_STATUS_LABELS[c.status], formatDateTime(c.startAt), formatDateTime(c.endAt), priceRange(c.skus.map((s) => s.priceFen)), stockOf(c), c.soldQuantity, c.paidQuantity, c.threshold ?? '不设', DELIVERY_MODE_LABELS[c.delivery.mode], formatDate(c.delivery.date)])}
                  />
                  <Button id='campaign-new' theme='primary' icon={<AddIcon />} disabled={!catalog.data} onClick={() => setEditing({ kind: 'campaign', campaign: null })}>
                    新建预售
                  </Button>
                </Space>
              }
            >
              <Table
                className='campaigns-table'
                rowKey='id'
                data={d.campaigns}
                empty='还没有预售，先在「商品」中添加商品，再新建预售'
                columns={[
                  {
                    colKey: 'title',
                    title: '预售',
                    cell: ({ row }) => (
                      <span className='cell-media'>
                        <PhotoThumb id={row.cover} size={44} alt={row.title} />
                        <span className='cell-media__text'>
                          <div>{row.title}</div>
                          <div className='muted'>{row.productName} · {row.supplierName}</div>
                        </span>
                      </span>
                    )
                  },
                  { colKey: 'status', title: '状态', width: 84, cell: ({ row }) => <Tag theme={STATUS_THEMES[row.status]} variant='light'>{CAMPAIGN_STATUS_LABELS[row.status]}</Tag> },
                  { colKey: 'window', title: '开售 – 截止', width: 200, cell: ({ row }) => `${formatDateTime(row.startAt).slice(5)} – ${formatDateTime(row.endAt).slice(5)}` },
                  { colKey: 'price', title: '预售价', align: 'right', width: 136, cell: ({ row }) => priceRange(row.skus.map((s) => s.priceFen)) },
                  { colKey: 'sold', title: '已售 / 库存', align: 'right', width: 100, cell: ({ row }) => `${row.soldQuantity} / ${stockOf(row)}` },
                  { colKey: 'paid', title: '已付 / 成团', align: 'right', width: 100, cell: ({ row }) => progressText(row) },
                  { colKey: 'delivery', title: '配送', width: 150, ellipsis: true, cell: ({ row }) => `${formatDate(row.delivery.date).slice(5)} ${row.delivery.mode === 'pickup' ? row.delivery.pickupPoint?.name ?? '自提' : '送货上门'}` },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 180,
                    cell: ({ row }) =>
                      row.status === 'draft' ? (
                        <Space size={0}>
                          <Button variant='text' theme='primary' disabled={!catalog.data} onClick={() => setEditing({ kind: 'campaign', campaign: row })}>
                            修改
                          </Button>
                          <Popconfirm content={`发布后不能再修改，${formatDateTime(row.startAt)} 自动开售。确定发布？`} onConfirm={() => void publish(row)}>
                            <Button className='campaign-publish' variant='text' theme='primary' loading={publishing === row.id}>
                              发布
                            </Button>
                          </Popconfirm>
                        </Space>
                      ) : (
                        <Space size={0}>
                          <Button className='campaign-board' variant='text' theme='primary' onClick={() => setBoard(row.id)}>
                            看板
                          </Button>
                          <Button className='campaign-kit' variant='text' theme='primary' onClick={() => setKitFor({ id: row.id, title: row.title })}>
                            话术工具包
                          </Button>
                        </Space>
                      )
                  }
                ]}
              />
            </Card>
          )}
        </PageShell>
      ) : null}
      {tab === 'proposals' ? <PageShell query={catalog}>{(d) => <ProposalsTab catalog={d} onConverted={() => void campaigns.reload()} />}</PageShell> : null}
      {tab === 'products' ? (
        <PageShell query={catalog}>
          {(d) => (
            <Card
              bordered={false}
              title={`商品 ${d.products.length} 个`}
              subtitle='预售从这里选商品；图片由工作人员拍摄上传，第一张作为列表图。'
              actions={
                <Space size={8}>
                  <ExportButtons
                    id='export-products'
                    fileName={`${community.name}-商品`}
                    header={['商品', '类型', '品类', '供应商', '单位', '规格与日常价', '包含内容', '单买合计', '图片数']}
                    rows={() =>
                      d.products.map((p) => [
                        p.name,
                        PRODUCT_KIND_LABELS[p.kind],
                        PRODUCT_CATEGORY_LABELS[p.category],
                        p.supplierName,
                        p.unit,
                        p.skus.map((s) => `${s.name} ${formatFen(s.priceFen)}`).join('；'),
                        p.parts.map(partLabel).join(' + '),
                        p.partsFen === null ? '' : formatFen(p.partsFen),
                        p.images.length
                      ])
                    }
                  />
                  <Button id='product-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing({ kind: 'product', product: null })}>
                    新增商品
                  </Button>
                </Space>
              }
            >
              <Table
                className='products-table'
                rowKey='id'
                data={d.products}
                empty='还没有商品'
                columns={[
                  {
                    colKey: 'name',
                    title: '商品',
                    cell: ({ row }) => (
                      <span className='cell-inline'>
                        <PhotoThumb id={row.images[0] ?? null} size={44} alt={row.name} />
                        <span>
                          <span>{row.name}</span>
                          {row.parts.length > 0 ? (
                            <span className='muted cell-sub'>
                              {row.parts.map(partLabel).join(' + ')}
                              {row.partsFen !== null ? ` · 单买 ${formatFen(row.partsFen)}` : ''}
                            </span>
                          ) : null}
                        </span>
                      </span>
                    )
                  },
                  { colKey: 'kind', title: '类型', width: 100, cell: ({ row }) => PRODUCT_KIND_LABELS[row.kind] },
                  { colKey: 'category', title: '品类', width: 110, cell: ({ row }) => PRODUCT_CATEGORY_LABELS[row.category] },
                  { colKey: 'supplierName', title: '供应商', width: 180 },
                  { colKey: 'skus', title: '规格与日常价', ellipsis: true, cell: ({ row }) => row.skus.map((s) => `${s.name} ${formatFen(s.priceFen)}/${row.unit}`).join('；') },
                  { colKey: 'images', title: '图片', align: 'right', width: 70, cell: ({ row }) => `${row.images.length} 张` },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 80,
                    cell: ({ row }) => (
                      <Button variant='text' theme='primary' onClick={() => setEditing({ kind: 'product', product: row })}>
                        修改
                      </Button>
                    )
                  }
                ]}
              />
            </Card>
          )}
        </PageShell>
      ) : null}
      {tab === 'suppliers' ? (
        <PageShell query={catalog}>
          {(d) => (
            <Card
              bordered={false}
              title={`供应商 ${d.suppliers.length} 家`}
              actions={
                <Space size={8}>
                  <ExportButtons id='export-suppliers' fileName={`${community.name}-供应商`} header={['供应商', '联系人', '电话']} rows={() => d.suppliers.map((s) => [s.name, s.contact, s.phone])} />
                  <Button id='supplier-new' theme='primary' icon={<AddIcon />} onClick={() => setEditing({ kind: 'supplier', supplier: null })}>
                    新增供应商
                  </Button>
                </Space>
              }
            >
              <Table
                className='suppliers-table'
                rowKey='id'
                data={d.suppliers}
                empty='还没有供应商'
                columns={[
                  { colKey: 'name', title: '供应商' },
                  { colKey: 'contact', title: '联系人', width: 160, cell: ({ row }) => row.contact || '—' },
                  { colKey: 'phone', title: '电话', width: 180, cell: ({ row }) => row.phone || '—' },
                  { colKey: 'products', title: '商品', align: 'right', width: 90, cell: ({ row }) => `${d.products.filter((p) => p.supplierId === row.id).length} 个` },
                  {
                    colKey: 'op',
                    title: '操作',
                    width: 80,
                    cell: ({ row }) => (
                      <Button variant='text' theme='primary' onClick={() => setEditing({ kind: 'supplier', supplier: row })}>
                        修改
                      </Button>
                    )
                  }
                ]}
              />
            </Card>
          )}
        </PageShell>
      ) : null}
      {tab === 'purchases' ? (
        <PageShell query={catalog}>{(d) => <PurchasesTab suppliers={d.suppliers.map((s) => ({ id: s.id, name: s.name }))} />}</PageShell>
      ) : null}
      {tab === 'competitors' ? (
        <PageShell query={catalog}>{(d) => <CompetitorsTab products={d.products.map((p) => ({ id: p.id, name: p.name }))} />}</PageShell>
      ) : null}
      {editing?.kind === 'campaign' && catalog.data ? <CampaignDialog campaign={editing.campaign} catalog={catalog.data} onClose={(w) => saved(w, campaigns.reload)} /> : null}
      {editing?.kind === 'product' && catalog.data ? (
        <ProductDialog product={editing.product} suppliers={catalog.data.suppliers} onClose={(w) => saved(w, async () => Promise.all([catalog.reload(), campaigns.reload()]).then(() => undefined))} />
      ) : null}
      {editing?.kind === 'supplier' ? <SupplierDialog supplier={editing.supplier} onClose={(w) => saved(w, catalog.reload)} /> : null}
      {board ? <CampaignDrawer campaignId={board} onClose={() => setBoard(null)} /> : null}
      {kitFor ? (
        <KitDialog
          kind='campaign'
          refId={kitFor.id}
          title={kitFor.title}
          onClose={(w) => {
            setKitFor(null)
            if (w) void MessagePlugin.success(`已保存${w}`)
          }}
        />
      ) : null}
    </div>
  )
}
