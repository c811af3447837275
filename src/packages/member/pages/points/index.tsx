import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { POINT_KIND_LABELS } from '@contracts/member'
import { api } from '../../../../client'
import { formatDate, formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ButtonRow, CellList, Section } from '../../../../ui/kit'
import { PageShell, usePaged } from '../../../../ui/shell'
import { memberLink, usePageCommunity } from '../../links'
import '../../member.scss'

/** 积分明细: every entry of the ledger, newest first, a page at a time; the balance is their sum. */
export default function PointsHistoryPage() {
  const communityId = usePageCommunity()
  const p = usePaged(
    (cursor) => api.member.points(cursor ? { cursor } : {}),
    (page) => ({ items: page.entries, cursor: page.cursor }),
    []
  )

  return (
    <PageShell
      id='points-page'
      query={{ data: p.first, error: p.error, loading: p.loading, reload: p.reload }}
      empty={() =>
        p.items.length === 0
          ? { title: '还没有积分记录', hint: '缴物业费、在社区购物或参加活动都能获得积分', action: { text: '看看会员权益', onClick: () => void Taro.redirectTo({ url: memberLink('card', communityId) }) } }
          : null
      }
    >
      {(first) => (
        <>
          <Section title='当前积分'>
            <Text className='mb-balance' id='points-balance'>
              {first.balance}
            </Text>
          </Section>
          <CellList
            title='明细'
            items={p.items}
            idPrefix='point'
            row={(e) => ({
              title: e.title,
              desc: (
                <View>
                  <Text className='mb-meta'>
                    {POINT_KIND_LABELS[e.kind]} · {formatDateTime(e.at)}
                  </Text>
                  {e.expiresAt ? <Text className='mb-meta'>{formatDate(e.expiresAt)} 到期</Text> : null}
                </View>
              ),
              extra: <Text className={`mb-delta ${e.delta < 0 ? 'mb-delta--minus' : ''}`}>{e.delta > 0 ? `+${e.delta}` : e.delta}</Text>
            })}
          />
          {p.hasMore ? (
            <ButtonRow>
              <Button id='points-more' fill='outline' type='primary' loading={p.loadingMore} onClick={() => void p.loadMore()}>
                加载更多
              </Button>
            </ButtonRow>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
