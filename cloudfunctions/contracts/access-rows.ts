import type { AccessKind } from './access-table'

/** The generated access table as rows of function, action and access kind. */
export function accessRows(table: Readonly<Record<string, string>>): [fn: string, action: string, kind: AccessKind][] {
  return Object.entries(table).flatMap(([fn, actions]) =>
    actions.split(' ').map((token): [string, string, AccessKind] => {
      const [action = '', kind] = token.split(':')
      return [fn, action, kind === 'anonymous' || kind === 'public' || kind === 'member' ? kind : 'community']
    })
  )
}
