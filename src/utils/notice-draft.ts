import type * as z from 'zod'
import type { Need } from '@contracts/insights-labels'
import { type NoticeBlock, NoticeInput, type NoticeEditView } from '@contracts/message'
import type { NoticeAudienceKind, NoticeCategory } from '@contracts/message-kinds'
import { type FieldErrors, issuesByPath } from './form-errors'

/**
 * A notice's editor, shared by the mini-program's staff pages and the office console: the form
 * as the clerk fills it, checked on the device by the contract's own schema before it is sent.
 */
export interface NoticeForm {
  id: string | null
  title: string
  category: NoticeCategory | null
  blocks: NoticeBlock[]
  pinned: boolean
  important: boolean
  /** Null: at once. */
  publishAt: number | null
  expiresAt: number | null
  audience: NoticeAudienceKind
  buildingIds: string[]
  gridId: string | null
  need: Need | null
  /** Whether the notice is already out: its publish time can no longer change. */
  published: boolean
}

export function blankNotice(): NoticeForm {
  return {
    id: null,
    title: '',
    category: null,
    blocks: [{ type: 'text', text: '' }],
    pinned: false,
    important: false,
    publishAt: null,
    expiresAt: null,
    audience: 'community',
    buildingIds: [],
    gridId: null,
    need: null,
    published: false
  }
}

export function fromEditable(v: NoticeEditView): NoticeForm {
  return {
    id: v.id,
    title: v.title,
    category: v.category,
    blocks: v.blocks,
    pinned: v.pinned,
    important: v.important,
    publishAt: v.publishAt,
    expiresAt: v.expiresAt,
    audience: v.audience.kind,
    buildingIds: v.audience.buildingIds,
    gridId: v.audience.gridId ?? null,
    need: v.audience.need ?? null,
    published: v.state !== 'scheduled'
  }
}

/** The request for a form; only the audience's own choice goes with it. */
export function noticeRequest(f: NoticeForm, clientRequestId: string): z.input<typeof NoticeInput> {
  return {
    ...(f.id ? { id: f.id } : {}),
    title: f.title,
    category: f.category ?? ('' as NoticeCategory),
    blocks: f.blocks,
    pinned: f.pinned,
    important: f.important,
    ...(f.publishAt !== null && !f.published ? { publishAt: f.publishAt } : {}),
    expiresAt: f.expiresAt,
    audience: {
      kind: f.audience,
      ...(f.audience === 'buildings' ? { buildingIds: f.buildingIds } : {}),
      ...(f.audience === 'grid' && f.gridId ? { gridId: f.gridId } : {}),
      ...(f.audience === 'need' && f.need ? { need: f.need } : {})
    },
    clientRequestId
  }
}

/** The contract's verdict on the form: nothing, or each refused field's first message by path. */
export function checkNotice(f: NoticeForm, clientRequestId: string): FieldErrors | null {
  const parsed = NoticeInput.safeParse(noticeRequest(f, clientRequestId))
  return parsed.success ? null : issuesByPath(parsed.error)
}

/** Moves block `i` one place up (-1) or down (+1); a move past either end changes nothing. */
export function moveBlock(blocks: readonly NoticeBlock[], i: number, by: -1 | 1): NoticeBlock[] {
  const j = i + by
  if (j < 0 || j >= blocks.length) return [...blocks]
  const next = [...blocks]
  const a = next[i]!
  next[i] = next[j]!
  next[j] = a
  return next
}

/** The error paths a change to these form keys answers: what was changed is no longer what the error was about. */
const ERROR_ROOTS: Partial<Record<keyof NoticeForm, string>> = { buildingIds: 'audience', gridId: 'audience', need: 'audience', audience: 'audience' }

export function clearedErrors(errors: FieldErrors, patch: Partial<NoticeForm>): FieldErrors {
  const roots = Object.keys(patch).map((k) => ERROR_ROOTS[k as keyof NoticeForm] ?? k)
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !roots.some((r) => path === r || path.startsWith(`${r}.`))))
}
