import Taro from '@tarojs/taro'
import type { InputOf, OutputOf } from '@contracts/registry'
import { call } from '../client'
import { type SavedFile, saveTextFile } from '../client/files'
import { unwrap } from './result'
import { visitGroup } from './share-group'

export type EventView = OutputOf<'event.get'>['event']
export type EventDetail = OutputOf<'event.get'>
export type MySignup = EventDetail['mine'][number]
export type Mine = OutputOf<'event.mine'>
export type Ticket = OutputOf<'event.ticket'>
export type Signups = OutputOf<'event.signups'>
export type Idea = OutputOf<'event.listIdeas'>['ideas'][number]
export type InviteRow = OutputOf<'event.inviteStats'>['rows'][number]
export type Poster = OutputOf<'event.invitePoster'>

export const EVENT_PKG = '/packages/event/pages'

export const listEvents = async (when: 'upcoming' | 'past' = 'upcoming') => unwrap(await call('event.list', { when }))
export const getEvent = async (id: string, communityId?: string) => unwrap(await call('event.get', { id }, communityId ? { communityId } : {}))
export const editorOptions = async () => unwrap(await call('event.editorOptions', {}))
export const createEvent = async (event: InputOf<'event.create'>['event']) => unwrap(await call('event.create', { event }))
export const updateEvent = async (id: string, event: InputOf<'event.update'>['event']) => unwrap(await call('event.update', { id, event }))
export const cancelSignup = async (signupId: string) => unwrap(await call('event.cancel', { signupId }))
export const myEvents = async () => unwrap(await call('event.mine', {}))
export const getTicket = async (signupId: string) => unwrap(await call('event.ticket', { signupId }))
/** The ticket page's 30-second refresh: new codes only (and the status, to notice a check-in). */
export const refreshTicketCode = async (signupId: string) => unwrap(await call('event.ticketCode', { signupId }))
export const checkIn = async (eventId: string, code: string) => unwrap(await call('event.checkIn', { eventId, code }))
export const eventSignups = async (eventId: string) => unwrap(await call('event.signups', { eventId }))
export const exportAttendees = async (eventId: string) => unwrap(await call('event.exportAttendees', { eventId }))
export const submitFeedback = async (input: InputOf<'event.submitFeedback'>) => unwrap(await call('event.submitFeedback', input))
export const feedbackSummary = async (eventId: string) => unwrap(await call('event.feedbackSummary', { eventId }))
export const listIdeas = async () => unwrap(await call('event.listIdeas', {}))
export const updateIdea = async (input: InputOf<'event.updateIdea'>) => unwrap(await call('event.updateIdea', input))
export const shareInvite = async (eventId: string) => unwrap(await call('event.shareInvite', { eventId }))
export const invitePoster = async (eventId: string) => unwrap(await call('event.invitePoster', { eventId }))
export const inviteStats = async () => unwrap(await call('event.inviteStats', {}))

/**
 * Asks for the one-time subscribe messages on the sign-up tap (WeChat allows it only there),
 * then signs up with the keys the resident accepted. H5 has no subscribe messages: the inbox
 * carries the reminders.
 */
export async function signUp(input: Omit<InputOf<'event.signUp'>, 'subscribed'>, templates: EventDetail['subscribeTemplates']) {
  let subscribed: InputOf<'event.signUp'>['subscribed'] = []
  if (process.env.TARO_ENV === 'weapp' && templates.length > 0) {
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: templates.map((t) => t.id), entityIds: [] })) as unknown as Record<string, string>
      subscribed = templates.filter((t) => res[t.id] === 'accept').map((t) => t.key)
    } catch {
      // Declined or unavailable: the inbox still gets every notice.
    }
  }
  return unwrap(await call('event.signUp', { ...input, subscribed }))
}

/** Opening a butler's card or scanning a poster records a visit, and the group it was opened in. */
export async function recordVisit(token: string) {
  return unwrap(await call('event.recordVisit', { token, ...(await visitGroup()) }))
}

/** Hands the CSV to the user (download in H5, a file shared into a chat in WeChat). */
export const saveCsv = (filename: string, csv: string): Promise<SavedFile> => saveTextFile(filename, csv, 'text/csv')
