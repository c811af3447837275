import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { STATEMENT_STATUS_LABELS } from '@contracts/selling-labels'
import { api } from '../../../../client'
import { formatFen } from '../../../../utils/money'
import { monthLabel } from '../../../../utils/time'
import { Cell, CellGroup, Chip, Notice } from '../../../../ui/kit'
import { PageShell, useQuery } from '../../../../ui/shell'
import { statementLink } from '../../links'
import { RewardCells } from '../../components/RewardCells'
import { STATEMENT_TONES } from '../../statement-status'
import '../../butler.scss'

/** 佣金结算单: one statement a month, newest first, with what it pays and where it stands. */
export default function StatementsPage() {
  const q = useQuery(() => api.selling.myStatements({}), [])

  return (
    <PageShell id='statements-page' query={q}>
      {(data) => {
        const paid = data.items.filter((s) => s.status === 'paid').reduce((n, s) => n + s.payableFen, 0)
        return (
          <>
            <View className='hero'>
              <Text className='hero-title'>佣金结算单</Text>
              <Text className='hero-sub' id='statements-paid'>
                已到账 {formatFen(paid)} · 每月初结算上月佣金，审批后请在结算单里确认收款
              </Text>
            </View>
            {/* Not the shell's empty state: cash rewards below show even before a first statement. */}
            {data.items.length === 0 ? (
              <Notice tone='info' id='statements-none'>
                还没有结算单：分享工具包里的预售，邻居通过你的分享下单后，佣金每月初结算一次
              </Notice>
            ) : (
            <CellGroup id='statements-list'>
              {data.items.map((s) => (
                <Cell
                  key={s.id}
                  id={`statement-${s.month}`}
                  icon='bill'
                  title={monthLabel(s.month)}
                  desc={
                    <>
                      <View className='bt-line'>
                        {s.entries} 笔明细{s.totalFen !== s.payableFen ? ` · 合计 ${formatFen(s.totalFen)}` : ''}
                      </View>
                      {s.carryOutFen !== 0 ? <View className='bt-line'>结转下月 {formatFen(s.carryOutFen)}</View> : null}
                    </>
                  }
                  extra={
                    <View className='bt-badges'>
                      <Text className='bt-title'>{formatFen(s.payableFen)}</Text>
                      <Chip id={`statement-${s.month}-status`} text={STATEMENT_STATUS_LABELS[s.status]} tone={STATEMENT_TONES[s.status]} />
                    </View>
                  }
                  onClick={() => void Taro.navigateTo({ url: statementLink(s.id) })}
                />
              ))}
            </CellGroup>
            )}
            <RewardCells />
          </>
        )
      }}
    </PageShell>
  )
}
