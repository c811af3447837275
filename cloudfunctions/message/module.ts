import { messageContracts } from '../contracts/message'
import { inbox, markAllRead, markRead, subscribe, subscribeOptions, unread } from '../domain/message/inbox'
import { editableNotice, feed, notice, noticeOptions, saveNotice, staffNotices, withdrawNotice } from '../domain/message/notices'
import { gridUnread, noticeStats, nudge } from '../domain/message/reach'
import { castBallot, closeVotes, recordPaperBallot, saveVote, vote, voteProgress, voteReceipts, votes } from '../domain/message/votes'
import { answerSurvey, closeSurvey, recordSurvey, saveSurvey, survey, surveyResponses, surveyResults, surveys } from '../domain/message/surveys'
import { saveSmsSettings, smsSettings, textNotices } from '../domain/message/sms'
import { defineModule } from '../kernel/module'

export const messageModule = defineModule({
  fn: 'message',
  contracts: messageContracts,
  handlers: { inbox, unread, markRead, markAllRead, subscribeOptions, subscribe, feed, notice, saveNotice, withdrawNotice, noticeOptions, editableNotice, staffNotices, noticeStats, gridUnread, nudge, saveVote, votes, vote, castBallot, recordPaperBallot, voteProgress, voteReceipts, saveSurvey, closeSurvey, surveys, survey, answerSurvey, recordSurvey, surveyResults, surveyResponses, smsSettings, saveSmsSettings },
  jobs: [
    {
      name: 'close-votes',
      cron: '0 */5 * * * * *',
      summary: '每 5 分钟为已截止的业主表决计票并公布结果',
      run: (ports) => closeVotes(ports)
    },
    {
      name: 'notice-sms',
      cron: '0 */10 * * * * *',
      summary: '每 10 分钟给未使用小程序的住户发送重要公告短信（按月上限，断点续发）',
      run: (ports) => textNotices(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 10
})
