import { officeContracts } from '../contracts/office'
import { revokeSession, sessions } from '../domain/office/sessions'
import { issueCodes } from '../domain/office/code-slips'
import { households, importHouseholds } from '../domain/office/households'
import { claimAdmin, createCommunity } from '../domain/office/setup'
import { clearExpiredSignIns, confirmSignIn, pollSignIn, rejectSignIn, signInRequest, startSignIn } from '../domain/office/sign-in'
import { checklist } from '../domain/office/checklist'
import { deleteGrid, grids, saveGrid } from '../domain/office/grids'
import { acceptStaffInvitation, inviteStaff, removeStaffRole, revokeStaffInvitation, staff, staffInvitation } from '../domain/office/team'
import { defineModule } from '../kernel/module'

export const officeModule = defineModule({
  fn: 'office',
  contracts: officeContracts,
  handlers: { startSignIn, pollSignIn, signInRequest, confirmSignIn, rejectSignIn, sessions, revokeSession, claimAdmin, createCommunity, importHouseholds, households, issueCodes,
    inviteStaff, staff, revokeStaffInvitation, removeStaffRole, staffInvitation, acceptStaffInvitation, grids, saveGrid, deleteGrid, checklist },
  jobs: [
    {
      name: 'clear-console-sign-ins',
      cron: '0 30 3 * * * *',
      summary: '每天 03:30 清理已过期的电脑端扫码登录请求',
      run: (ports) => clearExpiredSignIns(ports)
    }
  ],
  memoryMB: 128,
  timeoutSec: 10,
  signsInConsoles: true
})
