import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { STATEMENT_STATUS_LABELS } from '@contracts/selling-labels'
import { TRAINING_LINE_LABELS } from '@contracts/training-labels'
import { api } from '../../../../client'
import { formatFen } from '../../../../utils/money'
import { formatDate, monthLabel } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Section, StatGrid } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { courseChip, progressText } from '../../course-progress'
import { courseLink, coursesLink, kitsLink, statementsLink } from '../../links'
import '../../butler.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * The latest statement (statements are made when a month has ended): its own call, so a slow or
 * failed statement read never hides the certificates.
 */
function CommissionCard() {
  const q = useQuery(() => api.selling.myStatements({}), [])
  const latest = q.data?.items[0] ?? null
  const waiting = q.data?.items.filter((s) => s.status === 'awaiting_confirm').length ?? 0
  let desc = '加载中…'
  if (q.data) desc = latest ? `${latest.entries} 笔明细 · ${STATEMENT_STATUS_LABELS[latest.status]}` : '还没有佣金：分享工具包里的预售，邻居下单后每月初结算'
  else if (q.error) desc = `${q.error.message}，点此重试`
  return (
    <CellGroup title={latest ? `${monthLabel(latest.month)}佣金` : '佣金'} id='grow-commission'>
      <Cell
        icon='pay'
        title={<Text id='grow-commission-total'>{formatFen(latest ? latest.totalFen : 0)}</Text>}
        desc={desc}
        extra={waiting > 0 ? <Chip text={`${waiting} 笔待确认收款`} tone='accent' /> : undefined}
        onClick={() => (q.error && !q.data ? void q.reload() : go(statementsLink()))}
      />
    </CellGroup>
  )
}

/** 我的成长: certificates earned, courses still to finish, the latest commission, and the ways on to learning and selling. */
export default function GrowPage() {
  const q = useQuery(() => api.training.myCourses({}), [])

  return (
    <PageShell id='grow-page' query={q}>
      {(data) => {
        const certified = data.items.flatMap((c) => (c.progress.certificate ? [{ c, cert: c.progress.certificate }] : []))
        const todo = data.items.filter((c) => !c.progress.certificate)
        const required = todo.filter((c) => c.requiredFor).length
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>我的成长</Text>
              <Text className='hero-sub'>学课程、拿证书，用好工具包，佣金按月结算</Text>
            </View>
            <Section>
              <StatGrid
                items={[
                  { label: '培训证书', value: `${certified.length} 张`, tone: 'primary', id: 'grow-certificates' },
                  { label: '待完成课程', value: `${todo.length} 门`, id: 'grow-todo' },
                  { label: '未完成必修', value: `${required} 门`, tone: required ? 'danger' : 'default', id: 'grow-required' }
                ]}
              />
            </Section>
            <CommissionCard />
            <CellGroup title='我的证书' id='grow-certs'>
              {certified.length === 0 ? <Cell icon='star' title='还没有证书' desc='学完课程并通过测验即可取得' onClick={() => go(coursesLink())} /> : null}
              {certified.map(({ c, cert }) => (
                <Cell
                  key={c.id}
                  id={`cert-${c.id}`}
                  icon='star'
                  title={cert.courseTitle}
                  desc={`${TRAINING_LINE_LABELS[c.line]} · ${cert.scorePercent} 分 · ${formatDate(cert.issuedAt)} 取得`}
                  onClick={() => go(courseLink(c.id))}
                />
              ))}
            </CellGroup>
            {todo.length > 0 ? (
              <CellGroup title='待完成的课程' id='grow-todo-list'>
                {todo.map((c) => {
                  const chip = courseChip(c.progress)
                  return (
                    <Cell
                      key={c.id}
                      id={`todo-${c.id}`}
                      icon='task'
                      title={c.title}
                      desc={`${TRAINING_LINE_LABELS[c.line]} · ${progressText(c.progress, c.passPercent)}`}
                      extra={<Chip text={c.requiredFor ? `必修 · ${chip.text}` : chip.text} tone={c.requiredFor ? 'danger' : chip.tone} />}
                      onClick={() => go(courseLink(c.id))}
                    />
                  )
                })}
              </CellGroup>
            ) : null}
            <CellGroup title='学习与销售'>
              <Cell id='grow-go-courses' icon='task' title='培训课程' desc={`共 ${data.items.length} 门，按业务线学习`} onClick={() => go(coursesLink())} />
              <Cell id='grow-go-kits' icon='share' title='销售工具包' desc='预售与活动的话术、海报和分享' onClick={() => go(kitsLink())} />
              <Cell id='grow-go-statements' icon='bill' title='佣金结算单与现金奖励' desc='每月结算，审批后确认收款；光荣榜奖励在这里领取' onClick={() => go(statementsLink())} />
            </CellGroup>
          </>
        )
      }}
    </PageShell>
  )
}
