import { useState } from 'react'
import { Button, Card, Input, Link, MessagePlugin, Table, Tag } from 'tdesign-react'
import { SearchIcon } from 'tdesign-icons-react'
import type { LotViewT, SpaceRowT } from '@contracts/parking'
import { SPACE_TYPE_LABELS } from '@contracts/parking-labels'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'
import { SpaceDialog } from './SpaceDialog'

const PAGE_SIZES = [20, 50, 100]

/** Who may open a household's file (户档案) from its space; the desk's verifiers may not. */
const FILE_ROLES = ['operator', 'service'] as const

/**
 * 车位: a lot's spaces by code, found by the start of the code, with whose each is and the plates
 * on it (masked, as in the household's file). Operators change a space from its row.
 */
export function SpacesTab({ lot, lots, version }: { lot: LotViewT; lots: LotViewT[]; version: number }) {
  const { community } = useConsole()
  const operator = community.roles.includes('operator')
  const canOpenFile = FILE_ROLES.some((r) => community.roles.includes(r))
  const [typed, setTyped] = useState('')
  const [keyword, setKeyword] = useState('')
  const [paging, setPaging] = useState({ current: 1, pageSize: 50 })
  const [editing, setEditing] = useState<SpaceRowT | null>(null)
  const q = useQuery(
    () => api.parking.spaces({ lotId: lot.id, ...(keyword ? { keyword } : {}), offset: (paging.current - 1) * paging.pageSize, limit: paging.pageSize }),
    [community.id, lot.id, keyword, paging.current, paging.pageSize, version]
  )
  const search = () => {
    setKeyword(typed.trim())
    setPaging((p) => ({ ...p, current: 1 }))
  }
  const now = Date.now()

  return (
    <PageShell query={q}>
      {(d) => (
        <Card bordered={false} title={`车位 · ${lot.name}`} subtitle={keyword ? `编号以 ${keyword.toUpperCase()} 开头的 ${d.total} 个` : `共 ${d.total} 个`} className='parking-spaces-card'>
          <div className='toolbar'>
            <Input
              name='spaces-keyword'
              value={typed}
              maxlength={16}
              clearable
              placeholder='车位编号开头，如 B1'
              prefixIcon={<SearchIcon />}
              onChange={(v) => setTyped(String(v))}
              onEnter={search}
              onClear={() => {
                setTyped('')
                setKeyword('')
              }}
              style={{ width: 240 }}
            />
            <Button id='spaces-search' variant='outline' onClick={search}>
              查找
            </Button>
          </div>
          <Table
            className='parking-spaces'
            rowKey='id'
            data={d.rows}
            loading={q.refreshing}
            empty={keyword ? '没有以此开头的车位编号' : operator ? '还没有登记车位，点击上方「登记车位」添加' : '还没有登记车位'}
            columns={[
              { colKey: 'code', title: '车位编号', width: 120 },
              { colKey: 'type', title: '类型', width: 110, cell: ({ row }) => <Tag variant='light' theme={row.type === 'public' ? 'default' : 'primary'}>{SPACE_TYPE_LABELS[row.type]}</Tag> },
              {
                colKey: 'householdLabel',
                title: '所属房屋',
                width: 160,
                cell: ({ row }) =>
                  row.householdId === null ? (
                    <span className='muted'>公共</span>
                  ) : canOpenFile ? (
                    <Link theme='primary' hover='color' href={`#/household/${encodeURIComponent(row.householdId)}`}>
                      {row.householdLabel ?? '房屋已删除'}
                    </Link>
                  ) : (
                    (row.householdLabel ?? '房屋已删除')
                  )
              },
              {
                colKey: 'rentedUntil',
                title: '租期截止',
                width: 150,
                cell: ({ row }) =>
                  row.rentedUntil === null ? (
                    <span className='muted'>—</span>
                  ) : row.rentedUntil <= now ? (
                    <Tag theme='danger' variant='light'>{formatDate(row.rentedUntil)} 已到期</Tag>
                  ) : (
                    formatDate(row.rentedUntil)
                  )
              },
              {
                colKey: 'plates',
                title: '登记车牌',
                cell: ({ row }) => (row.plates === 0 ? <span className='muted'>未登记</span> : <span>{`${row.plates} 个：${row.plateNumbers.join('、')}`}</span>)
              },
              ...(operator
                ? [
                    {
                      colKey: 'op',
                      title: '操作',
                      width: 90,
                      cell: ({ row }: { row: SpaceRowT }) => (
                        <Button id={`space-edit-${row.code}`} variant='text' theme='primary' onClick={() => setEditing(row)}>
                          修改
                        </Button>
                      )
                    }
                  ]
                : [])
            ]}
            pagination={{
              current: paging.current,
              pageSize: paging.pageSize,
              total: d.total,
              pageSizeOptions: PAGE_SIZES,
              onChange: (p) => setPaging({ current: p.current, pageSize: p.pageSize })
            }}
          />
          {editing ? (
            <SpaceDialog
              lots={lots}
              space={editing}
              onClose={(saved) => {
                setEditing(null)
                if (!saved) return
                void MessagePlugin.success(`车位 ${saved} 已保存`)
                void q.reload()
              }}
            />
          ) : null}
        </Card>
      )}
    </PageShell>
  )
}
