import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NOTICE_CATEGORY_LABELS } from '@contracts/message-kinds'
import { api, useSession } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Button } from '../../../../ui/nut'
import { ActionBar, ButtonRow, Chip, Section } from '../../../../ui/kit'
import { PageShell, usePaged } from '../../../../ui/shell'
import { ADMIN, STATE_TONE, canPublish, stateText } from '../../links'
import '../../admin.scss'

/**
 * The community's notices for staff, newest first: operators and 客服 publish and edit them, a
 * butler opens one to see who in the grid has not read it.
 */
export default function StaffNoticesPage() {
  const { me } = useSession()
  const publisher = canPublish(me?.current?.role)
  const p = usePaged(
    (cursor) => api.message.staffNotices(cursor ? { cursor } : {}),
    (page) => ({ items: page.items, cursor: page.cursor }),
    []
  )
  const write = () => void Taro.navigateTo({ url: `${ADMIN}/edit/index` })
  return (
    <PageShell
      id='staff-notices'
      query={{ data: p.first, error: p.error, loading: p.loading, reload: p.reload }}
      empty={() =>
        p.items.length === 0
          ? { title: '还没有公告', hint: publisher ? '停水停电、物业通知、社区活动都可以发公告告知住户' : '物业发布公告后会显示在这里', ...(publisher ? { action: { text: '发布公告', onClick: write } } : {}) }
          : null
      }
    >
      {() => (
        <>
          {p.items.map((n) => (
            <Section
              key={n.id}
              id={`staff-notice-${n.id}`}
              title={n.title}
              extra={<Chip text={stateText(n.state)} tone={STATE_TONE[n.state]} />}
            >
              <View className='ma-row' onClick={() => void Taro.navigateTo({ url: `${ADMIN}/reach/index?id=${encodeURIComponent(n.id)}` })}>
                <View className='ma-chips'>
                  {n.pinned ? <Chip text='置顶' tone='primary' /> : null}
                  {n.important ? <Chip text='重要' tone='danger' /> : null}
                  <Chip text={NOTICE_CATEGORY_LABELS[n.category]} tone='info' />
                  <Chip text={n.audienceLabel} />
                </View>
                <Text className='ma-meta'>
                  {formatDateTime(n.publishAt)} · {n.authorName} · 已读 {n.reads} 户
                </Text>
                <Text className='ma-link'>{publisher ? '查看阅读情况与编辑' : '查看网格未读住户'}</Text>
              </View>
            </Section>
          ))}
          {p.hasMore ? (
            <ButtonRow>
              <Button id='staff-notices-more' fill='outline' type='primary' loading={p.loadingMore} onClick={() => void p.loadMore()}>
                加载更多
              </Button>
            </ButtonRow>
          ) : null}
          {publisher ? (
            <ActionBar>
              <Button id='notice-new' type='primary' block onClick={write}>
                发布公告
              </Button>
            </ActionBar>
          ) : null}
        </>
      )}
    </PageShell>
  )
}
