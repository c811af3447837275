import { Button, Dialog } from 'tdesign-react'
import { PrintIcon } from 'tdesign-icons-react'
import { fenToChineseUpper, formatFen } from '../../../../src/utils/money'
import { formatDateTime } from '../../../../src/utils/time'
import { api } from '../../client/api'
import { PageShell } from '../../shell/PageShell'
import { useLatest } from '../../shell/use-latest'
import { useQuery } from '../../shell/use-query'

/** The receipt of a payment as the member sees it in the mini-program, laid out to print for the payer. */
export function CashReceipt({ paymentId, onClose }: { paymentId: string; onClose: () => void }) {
  const q = useQuery(() => api.pay.receipt({ paymentId }), [paymentId])
  const close = useLatest(onClose)
  return (
    <Dialog
      visible
      width={560}
      header='收款成功'
      onClose={close}
      footer={
        <>
          <Button variant='outline' onClick={close}>
            关闭
          </Button>
          <Button id='cash-print' theme='primary' icon={<PrintIcon />} disabled={!q.data} onClick={() => window.print()}>
            打印收据
          </Button>
        </>
      }
    >
      <PageShell query={q}>
        {(r) => (
          <div className='cash-receipt' id='cash-receipt'>
            <div className='cash-receipt__title'>收 据</div>
            <div className='cash-receipt__sub'>{r.communityName} 物业服务中心</div>
            <dl className='cash-receipt__rows'>
              <dt>收据编号</dt>
              <dd id='cash-receipt-no'>{r.receiptNo}</dd>
              <dt>房屋</dt>
              <dd>{r.householdLabel}</dd>
              <dt>交款人</dt>
              <dd>{r.payerName}</dd>
              <dt>交款时间</dt>
              <dd>{formatDateTime(r.paidAt)}</dd>
            </dl>
            <table className='cash-receipt__lines'>
              <tbody>
                {r.lines.map((l, i) => (
                  <tr key={i}>
                    <td>{l.title}</td>
                    <td>{formatFen(l.amountFen)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>合计</td>
                  <td>{formatFen(r.totalFen)}</td>
                </tr>
              </tfoot>
            </table>
            <div>人民币（大写）：{fenToChineseUpper(r.totalFen)}</div>
            <div>收款方式：{r.channelLabel}</div>
            <div className='cash-receipt__stamp'>收费专用章</div>
          </div>
        )}
      </PageShell>
    </Dialog>
  )
}
