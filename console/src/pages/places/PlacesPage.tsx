import { useState } from 'react'
import { Button, Card, DialogPlugin, MessagePlugin, Space, Switch, Table, Tag } from 'tdesign-react'
import { AddIcon, RefreshIcon } from 'tdesign-icons-react'
import type { GateViewT } from '@contracts/access'
import type { OutputOf } from '@contracts/registry'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { ExportButtons } from '../../shell/ExportButtons'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { GateDialog } from './GateDialog'
import { GateLogDrawer } from './GateLogDrawer'
import { PickupDialog } from './PickupDialog'

type Point = OutputOf<'order.catalog'>['pickupPoints'][number]

/** How long the old pass key keeps opening doors after a rotation, so devices can catch up. */
const ROTATE_GRACE_MINUTES = 30

const doorsText = (g: GateViewT) => g.doors.map((d) => `${d.name}（${d.zone === 'building' ? d.buildingName || '楼栋门' : '小区大门'}${d.vehicle ? '·车行' : ''}）`).join('、')

/** The community's gate devices and pass key, and the pickup points of its pre-sales. */
export function PlacesPage() {
  const { community } = useConsole()
  const gates = useQuery(() => api.access.listGates({}), [community.id])
  const catalog = useQuery(() => api.order.catalog({}), [community.id])
  const [registering, setRegistering] = useState(false)
  const [log, setLog] = useState<GateViewT | null>(null)
  const [point, setPoint] = useState<Point | 'new' | null>(null)

  const toggle = async (g: GateViewT, enabled: boolean) => {
    const res = await api.access.setGateEnabled({ gateId: g.id, enabled })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(enabled ? `已启用${g.name}` : `已停用${g.name}，下一次请求起不再开门`)
    void gates.reload()
  }
  const rotate = () => {
    const dialog = DialogPlugin.confirm({
      header: '轮换社区通行密钥？',
      body: `住户的通行码将改用新密钥生成；旧密钥在 ${ROTATE_GRACE_MINUTES} 分钟内仍可开门，供设备同步。怀疑密钥泄露时使用。`,
      confirmBtn: '轮换密钥',
      onConfirm: async () => {
        dialog.hide()
        const res = await api.access.rotateKey({ graceMinutes: ROTATE_GRACE_MINUTES })
        if (!res.ok) return void MessagePlugin.error(res.error.message)
        void MessagePlugin.success(`已启用第 ${res.data.kid} 号密钥`)
        void gates.reload()
      },
      onClose: () => dialog.hide()
    })
  }

  return (
    <div className='stack'>
      <PageShell query={gates}>
        {(d) => (
          <Card
            bordered={false}
            title={`门禁设备 ${d.gates.length} 台`}
            subtitle={d.key ? `社区通行密钥：第 ${d.key.kid} 号，${formatDateTime(d.key.createdAt)} 启用。设备定期同步密钥，住户的通行码离线也能核验。` : '住户第一次打开通行码时生成社区通行密钥，设备随后同步。'}
            actions={
              <Space size={8}>
                <ExportButtons
                  id='export-gates'
                  fileName={`${community.name}-门禁设备`}
                  header={['名称', '设备编号', '门', '状态', '最近在线', '密钥同步']}
                  rows={() => d.gates.map((g) => [g.name, g.deviceId, doorsText(g), g.enabled ? '启用' : '停用', g.lastSeenAt ? formatDateTime(g.lastSeenAt) : '', g.keysSyncedAt ? formatDateTime(g.keysSyncedAt) : ''])}
                />
                {d.key ? (
                  <Button id='key-rotate' variant='outline' icon={<RefreshIcon />} onClick={rotate}>
                    轮换密钥
                  </Button>
                ) : null}
                <Button id='gate-new' theme='primary' icon={<AddIcon />} onClick={() => setRegistering(true)}>
                  登记设备
                </Button>
              </Space>
            }
          >
            <Table
              className='gates-table'
              rowKey='id'
              data={d.gates}
              empty='还没有登记门禁设备。登记后，住户的通行码和访客码就能在这些门上使用。'
              columns={[
                { colKey: 'name', title: '名称', width: 150 },
                { colKey: 'deviceId', title: '设备编号', width: 260 },
                { colKey: 'doors', title: '门', ellipsis: true, cell: ({ row }) => doorsText(row) },
                { colKey: 'lastSeenAt', title: '最近在线', width: 160, cell: ({ row }) => (row.lastSeenAt ? formatDateTime(row.lastSeenAt) : <Tag variant='light'>从未连接</Tag>) },
                { colKey: 'enabled', title: '启用', width: 80, cell: ({ row }) => <Switch value={row.enabled} onChange={(v) => void toggle(row, Boolean(v))} /> },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 100,
                  cell: ({ row }) => (
                    <Button variant='text' theme='primary' onClick={() => setLog(row)}>
                      通行记录
                    </Button>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      <PageShell query={catalog}>
        {(c) => (
          <Card
            bordered={false}
            title={`自提点 ${c.pickupPoints.length} 个`}
            subtitle='严选预售的商品送到这里，住户凭提货码自提。'
            actions={
              <Button id='pickup-new' theme='primary' icon={<AddIcon />} onClick={() => setPoint('new')}>
                新增自提点
              </Button>
            }
          >
            <Table
              className='pickup-table'
              rowKey='id'
              data={c.pickupPoints}
              empty='还没有自提点'
              columns={[
                { colKey: 'name', title: '名称', width: 200 },
                { colKey: 'address', title: '地址' },
                { colKey: 'hours', title: '营业时间', width: 200, cell: ({ row }) => row.hours || '—' },
                {
                  colKey: 'op',
                  title: '操作',
                  width: 100,
                  cell: ({ row }) => (
                    <Button variant='text' theme='primary' onClick={() => setPoint(row)}>
                      修改
                    </Button>
                  )
                }
              ]}
            />
          </Card>
        )}
      </PageShell>
      {registering && gates.data ? (
        <GateDialog
          buildings={gates.data.buildings}
          onClose={(registered) => {
            setRegistering(false)
            if (registered) void gates.reload()
          }}
        />
      ) : null}
      {log ? <GateLogDrawer gateId={log.id} name={log.name} onClose={() => setLog(null)} /> : null}
      {point ? (
        <PickupDialog
          point={point === 'new' ? null : point}
          onClose={(saved) => {
            setPoint(null)
            if (saved) {
              void MessagePlugin.success('已保存自提点')
              void catalog.reload()
            }
          }}
        />
      ) : null}
    </div>
  )
}
