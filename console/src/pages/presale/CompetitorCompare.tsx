import { Tag } from 'tdesign-react'
import { COMPETITOR_CHANNEL_LABELS, competitorPriceAt } from '@contracts/competitor'
import { formatFen } from '../../../../src/utils/money'
import { formatDate } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { PageShell } from '../../shell/PageShell'
import { useQuery } from '../../shell/use-query'

/**
 * What competitors ask for the product being put on pre-sale, against our lowest pre-sale price
 * (`ours`, null until one is typed): each at its price on the sale's first day, a promotion
 * counted while it runs then.
 */
export function CompetitorCompare({ productId, ours, at }: { productId: string; ours: { priceFen: number; sku: string } | null; at: number }) {
  const q = useQuery(() => api.order.competitorPrices({ productId }), [productId])
  return (
    <PageShell query={q}>
      {(d) =>
        d.prices.length === 0 ? (
          <div className='muted' id='competitor-compare-empty'>
            还没有这件商品的竞品价格，可在「竞品价格」中记录
          </div>
        ) : (
          <div className='competitor-compare' id='competitor-compare'>
            {d.prices.map((p) => {
              const theirs = competitorPriceAt(p, at)
              const onPromo = theirs !== p.priceFen
              const diff = ours ? theirs - ours.priceFen : null
              return (
                <div className='competitor-compare__row' key={p.id}>
                  <span>
                    {p.competitor}
                    <span className='muted'> · {COMPETITOR_CHANNEL_LABELS[p.channel]}</span>
                  </span>
                  <span className='competitor-compare__price'>{formatFen(theirs)}</span>
                  <span>{onPromo && p.promotion ? <Tag theme='danger' variant='light' size='small'>{p.promotion.name}</Tag> : null}</span>
                  <span className={`competitor-compare__diff${diff === null ? '' : diff >= 0 ? ' competitor-compare__diff--cheaper' : ' competitor-compare__diff--dearer'}`}>
                    {diff === null ? '填写预售价后比较' : diff === 0 ? '与我们同价' : diff > 0 ? `我们便宜 ${formatFen(diff)}` : `我们贵 ${formatFen(-diff)}`}
                  </span>
                  <span className='muted competitor-compare__seen' title={`${p.item}${p.addedValue ? ` · ${p.addedValue}` : ''}`}>
                    {p.item} · {formatDate(p.seenAt).slice(5)} 看到{p.addedValue ? ` · ${p.addedValue}` : ''}
                  </span>
                </div>
              )
            })}
          </div>
        )
      }
    </PageShell>
  )
}
