import { useState } from 'react'
import { Button, Card, MessagePlugin, Popconfirm, Table } from 'tdesign-react'
import type { BlacklistEntryT, LotViewT } from '@contracts/parking'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { BlacklistDialog } from './BlacklistDialog'

/**
 * 黑名单: the plates a lot's entry turns away, newest first, with why and who listed them. The desk
 * on duty (客服) and operators add and remove; verifiers read it to answer the barrier.
 */
export function BlacklistTab({ lot, version }: { lot: LotViewT; version: number }) {
  const { community } = useConsole()
  const canChange = community.roles.includes('operator') || community.roles.includes('service')
  const [adding, setAdding] = useState(false)
  const q = useQuery(() => api.parking.blacklist({ lotId: lot.id }), [community.id, lot.id, version])

  const remove = async (plate: string) => {
    const res = await api.parking.setBlacklist({ lotId: lot.id, plate, listed: false })
    if (!res.ok) return void MessagePlugin.error(res.error.message)
    void MessagePlugin.success(`${plate} 已移出黑名单`)
    void q.reload()
  }

  return (
    <PageShell query={q}>
      {(d) => (
        <Card
          bordered={false}
          title={`黑名单 · ${lot.name}`}
          subtitle={d.total > d.entries.length ? `共 ${d.total} 个车牌，列出最近列入的 ${d.entries.length} 个` : `共 ${d.total} 个车牌`}
          className='parking-blacklist'
          actions={
            canChange ? (
              <Button id='blacklist-new' theme='danger' variant='outline' onClick={() => setAdding(true)}>
                加入黑名单
              </Button>
            ) : null
          }
        >
          <Table
            className='parking-blacklist-table'
            rowKey='plate'
            data={d.entries}
            loading={q.refreshing}
            empty='黑名单为空，所有车辆按正常规则进出'
            columns={[
              { colKey: 'plate', title: '车牌', width: 130 },
              { colKey: 'reason', title: '原因', ellipsis: true, cell: ({ row }) => row.reason || <span className='muted'>未填写</span> },
              { colKey: 'byName', title: '列入人', width: 120, cell: ({ row }) => row.byName ?? '—' },
              { colKey: 'at', title: '列入时间', width: 160, cell: ({ row }) => formatDateTime(row.at) },
              ...(canChange
                ? [
                    {
                      colKey: 'op',
                      title: '操作',
                      width: 90,
                      cell: ({ row }: { row: BlacklistEntryT }) => (
                        <Popconfirm content={`将 ${row.plate} 移出黑名单？移出后该车按正常规则进出。`} confirmBtn='移出' onConfirm={() => void remove(row.plate)}>
                          <Button id={`blacklist-remove-${row.plate}`} variant='text' theme='danger'>
                            移出
                          </Button>
                        </Popconfirm>
                      )
                    }
                  ]
                : [])
            ]}
          />
          {adding ? (
            <BlacklistDialog
              lot={lot}
              onClose={(listed) => {
                setAdding(false)
                if (!listed) return
                void MessagePlugin.success('已列入黑名单，该车从入口进入时将被拒绝放行')
                void q.reload()
              }}
            />
          ) : null}
        </Card>
      )}
    </PageShell>
  )
}
