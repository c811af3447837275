import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { KIT_KIND_LABELS } from '@contracts/selling-labels'
import { TRAINING_LINE_LABELS } from '@contracts/training-labels'
import { api } from '../../../../client'
import { formatDateTime } from '../../../../utils/time'
import { Cell, CellGroup, Chip } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { kitLink } from '../../links'
import '../../butler.scss'

/** 话术工具包: kits of the campaigns on sale and the events coming, soonest to close first. */
export default function KitsPage() {
  const q = useQuery(() => api.selling.kits({}), [])

  return (
    <PageShell
      id='kits-page'
      query={q}
      empty={(d) => (d.items.length === 0 ? { title: '暂无话术工具包', hint: '物业运营为在售预售或即将开始的活动准备话术后会出现在这里' } : null)}
    >
      {(data) => (
        <>
          <View className='hero'>
            <Text className='hero-title'>话术工具包</Text>
            <Text className='hero-sub'>复制话术发到业主群，或上门时照着说；分享卡片带来的访问和订单都记在你名下</Text>
          </View>
          <CellGroup id='kits-list'>
            {data.items.map((k) => (
              <Cell
                key={`${k.kind}:${k.refId}`}
                id={`kit-${k.refId}`}
                thumb={k.cover}
                icon={k.kind === 'event' ? 'event' : 'store'}
                title={k.title}
                desc={
                  <>
                    <View className='bt-line'>
                      {KIT_KIND_LABELS[k.kind]} · {k.kind === 'event' ? '报名截止' : '截止'} {formatDateTime(k.closesAt)}
                    </View>
                    <View className='bt-badges'>
                      <Chip id={`kit-${k.refId}-gate`} text={k.open ? '可使用' : `先完成${TRAINING_LINE_LABELS[k.line]}必修课`} tone={k.open ? 'primary' : 'accent'} />
                    </View>
                  </>
                }
                onClick={() => void Taro.navigateTo({ url: kitLink(k.kind, k.refId) })}
              />
            ))}
          </CellGroup>
        </>
      )}
    </PageShell>
  )
}
