/** Stored document shapes. Money in fen, times in UTC epoch ms. */
import type { Relation, Role, StaffRole } from '../contracts/roles'

export interface CommunityDoc {
  _id: string
  name: string
  city: string
  address: string
  /** The property company that runs it (物业公司); communities made before the console have none. */
  company?: string
  /** The administrator who created it in the console. */
  createdBy?: string
  createdAt: number
}

/** A property-company administrator (公司管理员): may create communities. `_id` is the user id. */
export interface AdminDoc {
  _id: string
  userId: string
  createdAt: number
}

/** `_id` 'setup': the setup code was used, by whom. Inserting it is how the first claim wins. */
export interface CompanySetupDoc {
  _id: 'setup'
  userId: string
  claimedAt: number
}

export interface BuildingDoc {
  _id: string
  communityId: string
  name: string
  order: number
}

export interface HouseholdDoc {
  _id: string
  communityId: string
  buildingId: string
  /** `2单元`, in buildings with units; absent otherwise. */
  unit?: string
  /** The room number (`302`, `B-1201`); shown after the building and unit. */
  room: string
  /** House area in hundredths of a square metre, so fees stay integer arithmetic. */
  areaCm2: number
  /** Parking spaces the household rents from the property (billed monthly); absent = none. */
  parkingSpaces?: number
  /** The owner as the office's records have it (imported); shown to staff masked. */
  owner?: { name?: string; phone?: string; phoneTail?: string }
  /**
   * sha256(pepper + code): the code itself is handed out on paper and never stored. Before its
   * first code slip is printed a household holds `unissued:<its id>` (unique, as the index needs,
   * and never the hash of any code).
   */
  codeHash: string
  /** When the current code slip was printed; absent while none has been. */
  codeIssuedAt?: number
  createdAt: number
  updatedAt?: number
}

export interface UserDoc {
  _id: string
  openid: string
  unionid?: string
  nickname: string
  avatarUrl: string
  phone?: string
  /** The phone's last four digits (phoneTailOf), for finding a caller at the service desk. */
  phoneTail?: string
  lastContext?: { communityId: string; role: Role; householdId?: string }
  createdAt: number
  updatedAt: number
}

export type MembershipStatus = 'active' | 'removed'
export interface MembershipDoc {
  /** `${householdId}:${userId}`: the key itself forbids binding one household twice. */
  _id: string
  userId: string
  householdId: string
  communityId: string
  relation: Relation
  status: MembershipStatus
  via: 'code' | 'invitation' | 'approval' | 'seed'
  createdAt: number
}

export interface StaffRoleDoc {
  /** `${communityId}:${userId}:${role}` */
  _id: string
  userId: string
  communityId: string
  role: StaffRole
  createdAt: number
}

export interface GridDoc {
  _id: string
  communityId: string
  name: string
  butlerUserId: string
  buildingIds: string[]
  /** Bumped on every console edit: an edit applies only to the grid the clerk was looking at. */
  revision?: number
  updatedAt?: number
}

/** An operator's invitation to a work role, accepted in the mini-program by whoever opens it first. */
export interface StaffInvitationDoc {
  _id: string
  token: string
  communityId: string
  role: StaffRole
  /** Who the operator meant it for, as they typed it; the accepting user keeps their own name. */
  name: string
  createdBy: string
  status: 'open' | 'accepted' | 'revoked' | 'expired'
  expiresAt: number
  acceptedBy?: string
  acceptedAt?: number
  createdAt: number
}

export type InvitationStatus = 'open' | 'accepted' | 'revoked' | 'expired'
export interface InvitationDoc {
  _id: string
  token: string
  householdId: string
  communityId: string
  relation: Exclude<Relation, 'owner'>
  createdBy: string
  status: InvitationStatus
  expiresAt: number
  acceptedBy?: string
  createdAt: number
}

export type JoinRequestStatus = 'pending' | 'approved' | 'rejected'
export interface JoinRequestDoc {
  /** `${householdId}:${userId}`: one open request per user and household. */
  _id: string
  userId: string
  householdId: string
  communityId: string
  buildingId: string
  relation: Exclude<Relation, 'owner'>
  note: string
  status: JoinRequestStatus
  reviewerId?: string
  reviewNote?: string
  createdAt: number
  reviewedAt?: number
}

export interface AttemptDoc {
  /** `${purpose}:${subject}:${window}` */
  _id: string
  count: number
  /** The attempts counted, by their holder (kernel/counter.ts); absent on counters made before. */
  holds?: Record<string, number>
  createdAt: number
}

export interface InboxDoc {
  _id: string
  userId: string
  communityId: string
  kind: string
  title: string
  body: string
  link?: string
  read: boolean
  createdAt: number
}

/** A one-time subscribe-message grant the user gave on a tap; each allows one message. */
export interface SubscriptionDoc {
  _id: string
  userId: string
  template: string
  status: 'granted' | 'used'
  grantedAt: number
  usedAt?: number
  /** What WeChat answered: `sent`, or the errcode (43101: the user did not subscribe). */
  outcome?: string
}

/** A web console asking to sign in; the QR code carries `_id`, only the console knows the secret. */
export interface ConsoleSignInDoc {
  _id: string
  secretHash: string
  device: string
  status: 'pending' | 'confirmed' | 'rejected'
  createdAt: number
  expiresAt: number
  /** Set on confirmation: who signed in, and the session the console will get. */
  userId?: string
  sessionId?: string
  decidedAt?: number
}

export interface ConsoleSessionDoc {
  _id: string
  userId: string
  device: string
  createdAt: number
  expiresAt: number
  revokedAt?: number
}
