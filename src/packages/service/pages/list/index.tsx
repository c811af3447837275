import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { Cell, CellGroup, CellList, Chip, Price, Segmented } from '../../../../ui/kit'
import { EmptyState, PageShell, useQuery, whenEmpty } from '../../../../ui/shell'
import { lineIcon } from '../../line-cell'
import { type ServiceLine, serviceLink } from '../../types'
import { ContactButton } from '../../../../components/ContactButton'
import '../../service.scss'

type Kind = ServiceLine['kind']

const go = (url: string) => () => void Taro.navigateTo({ url })

function PriceTag({ line }: { line: ServiceLine }) {
  if (line.freeUnderPropertyFee) return <Chip text='物业费包含' tone='primary' />
  if (line.priceFen === null) return <Chip text='上门报价' tone='accent' />
  return <Price fen={line.priceFen} />
}

/** Service lines (家政) and repair lines (报修), each with its photo, price or 上门报价, and its standard. */
export default function ServiceListPage() {
  const { params } = useRouter()
  const communityId = params.communityId
  const [kind, setKind] = useState<Kind>(params.kind === 'repair' ? 'repair' : 'service')
  const q = useQuery(() => api.booking.lines({}), [])
  const link = (page: 'mine' | 'complaints' | 'honor') => go(serviceLink(page, {}, communityId))

  return (
    <PageShell
      id='service-list'
      query={q}
      empty={whenEmpty((d) => d.lines, { title: '社区还没有上架到家服务', hint: '物业上架保洁、维修等服务后，可以在这里预约上门', action: { text: '查看我的预约', onClick: link('mine') } })}
    >
      {(d) => {
        const shown = d.lines.filter((l) => l.kind === kind)
        return (
          <>
            <CellGroup>
              <Cell id='go-honor' icon='thumb' title='社区光荣榜' desc='本月服务之星与金牌管家' onClick={link('honor')} />
            </CellGroup>
            <Segmented<Kind> id='tab' value={kind} options={[{ value: 'service', label: '家政服务' }, { value: 'repair', label: '报修' }]} onChange={setKind} />
            {shown.length === 0 ? (
              <EmptyState
                title={kind === 'service' ? '暂无可预约的家政服务' : '暂无可预约的报修项目'}
                hint='其他问题可以先提交投诉建议，物业会尽快联系你'
                action={{ text: '去反馈', onClick: link('complaints') }}
              />
            ) : (
              <CellList
                items={shown}
                idPrefix='line'
                row={(l) => ({
                  thumb: l.cover,
                  icon: lineIcon(l.kind),
                  title: l.name,
                  desc: (
                    <View className='sv-line__desc'>
                      {l.description ? <Text className='sv-meta'>{l.description}</Text> : null}
                      <Text className='sv-meta'>
                        约 {l.durationMin} 分钟，服务标准 {l.checklist.length} 项
                      </Text>
                    </View>
                  ),
                  extra: <PriceTag line={l} />,
                  onClick: go(serviceLink('book', { lineId: l.id }, communityId))
                })}
              />
            )}
            <CellGroup>
              <Cell id='go-mine' icon='order' title='我的预约与报修' desc='进度、付款和评价' onClick={link('mine')} />
              <Cell id='go-complaints' icon='complaint' title='投诉建议' desc='物业会在工作时间内尽快受理' onClick={link('complaints')} />
            </CellGroup>
            <ContactButton id='service-contact' text='联系物业客服' />
          </>
        )
      }}
    </PageShell>
  )
}
