import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { VOTE_CHANNEL_LABELS } from '@contracts/vote-rules'
import { api } from '../../../../client'
import { Button } from '../../../../ui/nut'
import { ButtonRow, Cell, CellGroup, Chip, Notice } from '../../../../ui/kit'
import { PageShell, usePaged, useQuery } from '../../../../ui/shell'
import '../../vote.scss'

/**
 * The receipts of every counted ballot, published with the result: no home or name, only the code
 * and the choice. An owner finds their own codes (marked) and sees their choice was counted as cast.
 */
export default function ReceiptsPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const mine = useQuery(() => api.message.vote({ id }), [id], { enabled: id !== '', reloadOnShow: false })
  const p = usePaged(
    (cursor) => api.message.voteReceipts(cursor ? { id, cursor } : { id }),
    (page) => ({ items: page.items, cursor: page.cursor }),
    [id]
  )
  const own = new Set((mine.data?.mine ?? []).flatMap((u) => (u.receipt ? [u.receipt] : [])))
  return (
    <PageShell id='vote-receipts-page' query={{ data: p.first, error: p.error, loading: p.loading, reload: p.reload }}>
      {() => (
        <View>
          {own.size > 0 ? <Notice tone='success'>你的凭证：{[...own].join('、')}，已在下方名单中标出</Notice> : null}
          <CellGroup title={`已计入的选票（${mine.data?.ballots ?? p.items.length} 张）`}>
            {p.items.map((r) => (
              <Cell
                key={r.receipt}
                id={`receipt-${r.receipt}`}
                title={<Text className='vt-receipt'>{r.receipt}</Text>}
                desc={VOTE_CHANNEL_LABELS[r.channel]}
                extra={
                  <View className='vt-chips'>
                    {own.has(r.receipt) ? <Chip text='我的' tone='accent' /> : null}
                    <Chip text={r.option} tone='primary' />
                  </View>
                }
              />
            ))}
          </CellGroup>
          {p.hasMore ? (
            <ButtonRow>
              <Button id='receipts-more' fill='outline' type='primary' loading={p.loadingMore} onClick={() => void p.loadMore()}>
                加载更多
              </Button>
            </ButtonRow>
          ) : null}
        </View>
      )}
    </PageShell>
  )
}
