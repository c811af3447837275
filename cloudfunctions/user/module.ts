import { sweepAttempts } from '../domain/attempts'
import { userContracts } from '../contracts/user'
import { login, me, switchContext, updateProfile } from '../domain/user/account'
import { bindHousehold } from '../domain/user/bind'
import { communityOverview, gridOverview, householdMembers, listBuildings, listCommunities } from '../domain/user/directory'
import { acceptInvitation, createInvitation, expireInvitations, getInvitation } from '../domain/user/invitations'
import { listJoinRequests, requestJoin, reviewJoinRequest } from '../domain/user/join-requests'
import { defineModule } from '../kernel/module'

export const userModule = defineModule({
  fn: 'user',
  contracts: userContracts,
  handlers: {
    login,
    me,
    updateProfile,
    switchContext,
    bindHousehold,
    createInvitation,
    getInvitation,
    acceptInvitation,
    listCommunities,
    listBuildings,
    requestJoin,
    listJoinRequests,
    reviewJoinRequest,
    householdMembers,
    gridOverview,
    communityOverview
  },
  jobs: [
    {
      name: 'expire-invitations',
      cron: '0 0 3 * * * *',
      summary: '每天 03:00 将过期的家庭邀请标记为已过期',
      run: (ports) => expireInvitations(ports)
    },
    {
      name: 'sweep-attempts',
      cron: '0 10 3 * * * *',
      summary: '每天 03:10 清理两天前的输错次数计数（房屋码、初始化码、停车查询）',
      run: (ports) => sweepAttempts(ports)
    }
  ],
  memoryMB: 256,
  timeoutSec: 10
})
