import { Button, Card, Tag } from 'tdesign-react'
import { CheckCircleFilledIcon, ErrorCircleFilledIcon, TimeFilledIcon } from 'tdesign-icons-react'
import { GO_LIVE_STEP_LABELS, type GoLiveStep } from '@contracts/office-golive'
import type { OutputOf } from '@contracts/registry'
import { navigate } from '../../router'

type Checklist = OutputOf<'office.checklist'>

/** Where each step is done in the console. */
const WHERE: Record<GoLiveStep, string> = { households: '/households', codes: '/households', grids: '/grids', fees: '/fees', billing: '/fees', gates: '/places', pickup: '/places' }

/** What stands between this community and inviting its residents, each with the way to it. */
export function GoLiveCard({ list }: { list: Checklist }) {
  const left = list.steps.filter((s) => s.required && !s.done).length
  return (
    <Card
      bordered={false}
      title='上线检查'
      className='golive'
      subtitle={list.ready ? '必需的准备都已完成：可以把房屋码发给住户，邀请他们绑定房屋了。' : `还有 ${left} 项必需的准备，完成后再邀请住户绑定房屋。`}
      actions={list.ready ? <Tag theme='success'>可以邀请住户</Tag> : <Tag theme='warning'>准备中</Tag>}
    >
      <ol className='golive__steps'>
        {list.steps.map((s) => {
          const to = WHERE[s.key]
          return (
            <li key={s.key} className={`golive__step golive__step--${s.done ? 'done' : s.required ? 'todo' : 'optional'}`} id={`golive-${s.key}`}>
              {s.done ? <CheckCircleFilledIcon className='golive__mark' /> : s.required ? <ErrorCircleFilledIcon className='golive__mark' /> : <TimeFilledIcon className='golive__mark' />}
              <div className='golive__text'>
                <div className='golive__title'>
                  {GO_LIVE_STEP_LABELS[s.key]}
                  {s.required ? null : <span className='golive__optional'>建议</span>}
                </div>
                <div className='golive__detail'>{s.detail}</div>
              </div>
              {!s.done ? (
                <Button variant='outline' theme='primary' size='small' onClick={() => navigate(to)}>
                  去处理
                </Button>
              ) : null}
            </li>
          )
        })}
      </ol>
    </Card>
  )
}
