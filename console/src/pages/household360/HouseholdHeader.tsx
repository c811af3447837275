import { Card, Space, Tag } from 'tdesign-react'
import type { OutputOf } from '@contracts/registry'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { Stat } from '../../shell/Stat'

type Header = OutputOf<'desk.household'>

const yesNo = (v: boolean | null) => (v === null ? '未知' : v ? '有' : '无')

/** Who lives there and how they stand: members, consented profile, arrears, churn risk and its reasons. */
export function HouseholdHeader({ d }: { d: Header }) {
  const { profile, churn } = d
  return (
    <Card bordered={false} className='household360-header' title={`户档案 · ${d.household.label}`} subtitle={[d.areaM2 ? `建筑面积 ${d.areaM2.toFixed(2)} ㎡` : null, d.household.butlerName ? `网格管家 ${d.household.butlerName}` : '未划入网格'].filter(Boolean).join(' · ')}>
      <div className='stats'>
        <Stat label='欠费（含滞纳金）' value={d.arrearsFen > 0 ? formatFen(d.arrearsFen) : '无欠费'} />
        <Stat label='流失风险' value={churn ? `${churn.score} 分 · ${churn.level}` : profile.optedOut ? '住户已关闭画像' : '尚未评估'} small={!churn || churn.level.length > 4} />
        <Stat label='成员' value={`${d.members.length} 人`} />
        <Stat label='使用小程序' value={`${d.members.filter((m) => m.usesMiniProgram).length} 人`} />
      </div>
      <div className='household360__grid'>
        <section>
          <h3 className='section-title'>成员与身份</h3>
          {d.members.length === 0 ? (
            <div className='muted'>还没有人绑定这户，台账上也没有业主信息</div>
          ) : (
            <ul className='household360__members' id='household360-members'>
              {d.members.map((m, i) => (
                <li key={i}>
                  <span className='household360__name'>{m.name}</span>
                  <Tag variant='light' theme={m.relation === 'owner' ? 'primary' : 'default'}>
                    {m.relationLabel}
                  </Tag>
                  <span className='muted'>{m.phoneMasked ?? '未留手机号'}</span>
                  <span className='muted'>{m.usesMiniProgram ? `${formatDate(m.since)} 绑定` : '未使用小程序'}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section id='household360-profile'>
          <h3 className='section-title'>档案与授权</h3>
          {profile.optedOut ? (
            <div className='muted'>住户已关闭档案与画像，资料已删除；住户本人可在小程序里重新开启。</div>
          ) : profile.consentAt === null ? (
            <div className='muted'>住户尚未授权登记档案（可由住户在小程序「我的档案」填写，或管家上门征得同意后登记）。</div>
          ) : (
            <div className='facts'>
              <div>
                <span className='facts__label'>授权时间</span>
                {formatDate(profile.consentAt)}
              </div>
              <div>
                <span className='facts__label'>家庭人口</span>
                {profile.people === null ? '未知' : `${profile.people} 人`} · 老人{yesNo(profile.elderly)} · 孩子{yesNo(profile.children)} · 宠物 {profile.pets} 只
              </div>
              <div>
                <span className='facts__label'>车牌</span>
                {profile.plates.length ? profile.plates.join('、') : '无'}
              </div>
            </div>
          )}
          {profile.needs.length ? (
            <Space size={8} className='household360__needs'>
              <span className='muted'>需求分群</span>
              {profile.needs.map((n) => (
                <Tag key={n} theme='success' variant='light'>
                  {n}
                </Tag>
              ))}
            </Space>
          ) : null}
        </section>
        <section id='household360-churn'>
          <h3 className='section-title'>流失风险</h3>
          {churn === null ? (
            <div className='muted'>{profile.optedOut ? '住户已关闭画像，不做评估。' : '夜间统计尚未评估这户。'}</div>
          ) : churn.reasons.length === 0 ? (
            <div className='muted'>{churn.score} 分，没有流失迹象。</div>
          ) : (
            <ul className='household360__reasons'>
              {churn.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Card>
  )
}
