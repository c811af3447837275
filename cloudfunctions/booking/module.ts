import { bookingContracts } from '../contracts/booking'
import { cancel, get, lines, mine, slots } from '../domain/booking/actions'
import { book } from '../domain/booking/book'
import { complain, complaints, myComplaints, rateComplaint, respond } from '../domain/booking/complaints'
import { board, reassign } from '../domain/booking/dispatch'
import { runExpireHolds } from '../domain/booking/jobs'
import { moderatePraise, praiseQueue, thank } from '../domain/booking/praise'
import { closeFollowUp, followUps, markOutstanding, rate, reputation } from '../domain/booking/rating'
import { adminLines, saveLine, saveWorker, workers } from '../domain/booking/setup'
import { progress, revealPhone, workerJobs } from '../domain/booking/worker'
import { defineModule } from '../kernel/module'

/** The booking function: home services, repairs (报修) and complaints (投诉). Payments go through `pay`. */
export const bookingModule = defineModule({
  fn: 'booking',
  contracts: bookingContracts,
  handlers: {
    lines,
    slots,
    book,
    mine,
    get,
    cancel,
    rate,
    thank,
    praiseQueue,
    moderatePraise,
    workerJobs,
    progress,
    revealPhone,
    board,
    reassign,
    reputation,
    markOutstanding,
    followUps,
    closeFollowUp,
    complain,
    myComplaints,
    complaints,
    respond,
    rateComplaint,
    adminLines,
    saveLine,
    workers,
    saveWorker
  },
  jobs: [
    {
      name: 'booking-expire',
      cron: '0 */5 * * * * *',
      summary: '每 5 分钟：超时未支付的预约释放时段与师傅；修复中断请求留下的占用与计数',
      run: (ports) => runExpireHolds(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 20,
  usesPayment: true
})
