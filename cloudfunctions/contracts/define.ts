import type { z } from 'zod'
import type { Role } from './roles'

/**
 * Who may call an action:
 * - `anonymous`: anyone at all, even a browser nobody has signed in on (a console starting to sign in);
 * - `public`: anyone WeChat identified, even before they have a user record (login);
 * - `member`: any registered user, no community needed;
 * - a list of roles: the caller must hold one of them in the envelope's community.
 */
export type Access = 'anonymous' | 'public' | 'member' | readonly Role[]

export interface ActionContract<
  Fn extends string = string,
  Name extends string = string,
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  A extends Access = Access
> {
  fn: Fn
  name: Name
  /** `fn.name`, the identifier used on the wire and in the registry. */
  id: `${Fn}.${Name}`
  summary: string
  /** Kept literal, so a public action's handler is typed for a caller who has no user yet. */
  access: A
  input: I
  output: O
}

export function defineAction<Fn extends string, Name extends string, I extends z.ZodType, O extends z.ZodType, A extends Access>(c: {
  fn: Fn
  name: Name
  summary: string
  access: A
  input: I
  output: O
}): ActionContract<Fn, Name, I, O, A> {
  return { ...c, id: `${c.fn}.${c.name}` }
}

export function needsCommunity(access: Access): access is readonly Role[] {
  return Array.isArray(access)
}
