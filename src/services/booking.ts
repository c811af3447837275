import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { unwrap } from './result'
import { communityReady } from './session'

export type ServiceLine = OutputOf<'booking.lines'>['lines'][number]
export type Slots = OutputOf<'booking.slots'>
export type Booking = OutputOf<'booking.get'>['booking']
export type Complaint = OutputOf<'booking.complaints'>['complaints'][number]
export type Reputation = OutputOf<'booking.reputation'>['workers'][number]
export type Board = OutputOf<'booking.board'>
export type FollowUp = OutputOf<'booking.followUps'>['followUps'][number]
export type WorkerJobs = OutputOf<'booking.workerJobs'>

export const SERVICE_PKG = '/packages/service/pages'
export const STAFF_PKG = '/packages/service-staff/pages'

/** Every booking call waits for the session's community, which the server checks. */
async function c<A extends Parameters<typeof call>[0]>(id: A, input: InputOf<A>) {
  await communityReady()
  return unwrap(await call(id, input))
}

export const serviceLines = (kind?: 'service' | 'repair') => c('booking.lines', kind ? { kind } : {})
export const slotsOf = (lineId: string, householdId?: string) => c('booking.slots', householdId ? { lineId, householdId } : { lineId })
export const book = (input: InputOf<'booking.book'>) => c('booking.book', input)
export const myBookings = () => c('booking.mine', {})
export const getBooking = (bookingId: string) => c('booking.get', { bookingId })
export const cancelBooking = (bookingId: string) => c('booking.cancel', { bookingId })
export const rateBooking = (input: InputOf<'booking.rate'>) => c('booking.rate', input)
export const workerJobs = (when: 'today' | 'upcoming' | 'done') => c('booking.workerJobs', { when })
export const progress = (input: InputOf<'booking.progress'>) => c('booking.progress', input)
export const dispatchBoard = () => c('booking.board', {})
export const reassign = (input: InputOf<'booking.reassign'>) => c('booking.reassign', input)
export const reputation = () => c('booking.reputation', {})
export const markOutstanding = (input: InputOf<'booking.markOutstanding'>) => c('booking.markOutstanding', input)
export const followUps = (status: 'open' | 'closed') => c('booking.followUps', { status })
export const closeFollowUp = (followUpId: string, note: string) => c('booking.closeFollowUp', { followUpId, note })
export const complain = (input: InputOf<'booking.complain'>) => c('booking.complain', input)
export const myComplaints = () => c('booking.myComplaints', {})
export const staffComplaints = () => c('booking.complaints', {})
export const respondComplaint = (input: InputOf<'booking.respond'>) => c('booking.respond', input)
export const rateComplaint = (input: InputOf<'booking.rateComplaint'>) => c('booking.rateComplaint', input)
