import type { ReactNode } from 'react'
import { Cell, CellGroup, type CellProps } from './Cell'

export interface CellListProps<T extends { id: string }> {
  items: readonly T[]
  /** Each row's element id is `${idPrefix}-${item.id}`: tests and links find a row by it. */
  idPrefix: string
  row(item: T): Omit<CellProps, 'id'>
  title?: string
  id?: string
  /** Rows after the items' own, such as a "new" row. */
  children?: ReactNode
}

/** A list page's card: one cell per item, in order. */
export function CellList<T extends { id: string }>({ items, idPrefix, row, title, id, children }: CellListProps<T>) {
  return (
    <CellGroup title={title} id={id}>
      {items.map((item) => (
        <Cell key={item.id} id={`${idPrefix}-${item.id}`} {...row(item)} />
      ))}
      {children}
    </CellGroup>
  )
}
