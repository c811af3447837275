import { messageContracts } from '../contracts/message'
import { inbox, markAllRead, markRead, subscribe, subscribeOptions, unread } from '../domain/message/inbox'
import { editableNotice, feed, notice, noticeOptions, saveNotice, staffNotices, withdrawNotice } from '../domain/message/notices'
import { gridUnread, noticeStats, nudge } from '../domain/message/reach'
import { castBallot, closeVotes, recordPaperBallot, saveVote, vote, voteProgress, voteReceipts, votes } from '../domain/message/votes'
import { answerSurvey, closeSurvey, recordSurvey, saveSurvey, survey, surveyResponses, surveyResults, surveys } from '../domain/message/surveys'
import { defineModule } from '../kernel/module'

export const messageModule = defineModule({
  fn: 'message',
  contracts: messageContracts,
  handlers: { inbox, unread, markRead, markAllRead, subscribeOptions, subscribe, feed, notice, saveNotice, withdrawNotice, noticeOptions, editableNotice, staffNotices, noticeStats, gridUnread, nudge, saveVote, votes, vote, castBallot, recordPaperBallot, voteProgress, voteReceipts, saveSurvey, closeSurvey, surveys, survey, answerSurvey, recordSurvey, surveyResults, surveyResponses },
  jobs: [
    {
      name: 'close-votes',
      cron: '0 */5 * * * * *',
      summary: '每 5 分钟为已截止的业主表决计票并公布结果',
      run: (ports) => closeVotes(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 10
})
