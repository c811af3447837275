import { Card, Space, Table, Tag } from 'tdesign-react'
import { SESSION_KIND_LABELS, SPACE_TYPE_LABELS } from '@contracts/parking-labels'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { formatDate, formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { useConsole } from '../../shell/console-context'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

type Parking = OutputOf<'parking.householdParking'>
type CardRow = Parking['cards'][number]

/** A monthly card's state as the resident's own page words it. */
function cardState(c: CardRow, now: number): { text: string; theme: 'primary' | 'success' | 'warning' | 'default' } {
  if (c.status === 'pending') return { text: '待支付', theme: 'warning' }
  if (c.status === 'cancelled') return { text: '已取消', theme: 'default' }
  if (c.validTo <= now) return { text: '已过期', theme: 'default' }
  return c.validFrom > now ? { text: '待生效', theme: 'primary' } : { text: '生效中', theme: 'success' }
}

/**
 * 车辆与车位: the household's spaces, its plates (masked, as phones are), its monthly cards and its
 * latest stays in the community's lots. Every role that opens the file may read it (a butler only
 * for the homes of their grids, as the file itself).
 */
export function ParkingSection({ householdId }: { householdId: string }) {
  const { community } = useConsole()
  const q = useQuery(() => api.parking.householdParking({ householdId }), [community.id, householdId], { enabled: householdId.length > 0 })
  const now = Date.now()

  return (
    <Card bordered={false} title='车辆与车位' className='household360-parking'>
      <PageShell query={q}>
        {(d) =>
          d.spaces.length + d.plates.length + d.cards.length + d.stays.length === 0 ? (
            <div className='muted'>这户没有车位、登记车牌和月卡，社区停车场里也没有它的停车记录。</div>
          ) : (
            <>
              <div className='household360__grid'>
                <section>
                  <h3 className='section-title'>车位</h3>
                  {d.spaces.length === 0 ? (
                    <div className='muted'>没有产权或租用车位</div>
                  ) : (
                    <ul className='household360__members'>
                      {d.spaces.map((s) => (
                        <li key={s.id}>
                          <span className='household360__name'>{s.code}</span>
                          <span>{s.lotName}</span>
                          <Tag variant='light' theme={s.type === 'owned' ? 'primary' : 'default'}>
                            {SPACE_TYPE_LABELS[s.type]}
                          </Tag>
                          {s.rentedUntil !== null ? <span className={s.rentedUntil <= now ? 'household360__ended' : 'muted'}>{`租期至 ${formatDate(s.rentedUntil)}${s.rentedUntil <= now ? '（已到期）' : ''}`}</span> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section>
                  <h3 className='section-title'>登记车牌</h3>
                  {d.plates.length === 0 ? (
                    <div className='muted'>没有登记车牌</div>
                  ) : (
                    <Space size={8} breakLine>
                      {d.plates.map((p, i) => (
                        <Tag key={i} variant='outline'>
                          {p}
                        </Tag>
                      ))}
                    </Space>
                  )}
                </section>
                <section>
                  <h3 className='section-title'>月卡</h3>
                  {d.cards.length === 0 ? (
                    <div className='muted'>没有办理月卡</div>
                  ) : (
                    <ul className='household360__members'>
                      {d.cards.map((c, i) => {
                        const state = cardState(c, now)
                        return (
                          <li key={i}>
                            <span className='household360__name'>{c.plate}</span>
                            <span className='muted'>{`${c.lotName} ${formatDate(c.validFrom)} 至 ${formatDate(c.validTo)}`}</span>
                            <Tag variant='light' theme={state.theme}>
                              {state.text}
                            </Tag>
                          </li>
                        )
                      })}
                    </ul>
                  )}
                </section>
              </div>
              <h3 className='section-title household360__stays-title'>最近出入场</h3>
              <Table
                className='household360-stays'
                rowKey='key'
                data={d.stays.map((s, i) => ({ ...s, key: i }))}
                empty='登记的车牌还没有进出过社区停车场'
                columns={[
                  { colKey: 'plate', title: '车牌', width: 120 },
                  { colKey: 'lotName', title: '停车场', width: 120 },
                  { colKey: 'kind', title: '类型', width: 80, cell: ({ row }) => SESSION_KIND_LABELS[row.kind] },
                  { colKey: 'enteredAt', title: '入场时间', width: 160, cell: ({ row }) => formatDateTime(row.enteredAt) },
                  { colKey: 'exitedAt', title: '出场时间', width: 160, cell: ({ row }) => (row.exitedAt === null ? <Tag theme='primary' variant='light'>在场</Tag> : formatDateTime(row.exitedAt)) },
                  { colKey: 'feeFen', title: '停车费', align: 'right', width: 110, cell: ({ row }) => (row.feeFen !== null ? formatFen(row.feeFen) : row.kind === 'temporary' ? <span className='muted'>计费中</span> : '—') },
                  { colKey: 'paidFen', title: '已缴', align: 'right', width: 110, cell: ({ row }) => (row.paidFen > 0 ? formatFen(row.paidFen) : '—') }
                ]}
              />
            </>
          )
        }
      </PageShell>
    </Card>
  )
}
