import { Text, View } from '@tarojs/components'
import type { DependencyList } from 'react'
import type { LogEntryT } from '@contracts/access'
import type { Result } from '../../../client'
import { formatDateTime } from '../../../utils/time'
import { Button } from '../../../ui/nut'
import { Chip, Section } from '../../../ui/kit'
import { EmptyState, type PagedQuery, usePaged } from '../../../ui/shell'

/** A page of a log as the server answers it: newest first, `next` is where the older entries start. */
interface LogPage {
  entries: LogEntryT[]
  next: number | null
}

/** A log read newest first, older pages as the list reaches the bottom (`before` the oldest entry so far). */
export function useEntryLog<P extends LogPage>(load: (older: { before?: number }) => Promise<Result<P>>, deps: DependencyList): PagedQuery<LogEntryT, P> {
  return usePaged(
    (cursor) => load(cursor ? { before: Number(cursor) } : {}),
    (p) => ({ items: p.entries, cursor: p.next === null ? null : String(p.next) }),
    deps
  )
}

/** Entry rows, shared by the household's and the gate's logs: where, who and when, and the outcome; then the way to older ones. */
export function LogList<P>(props: { log: PagedQuery<LogEntryT, P>; empty: string; hint?: string }) {
  const { log } = props
  return (
    <>
      <Section>
        {log.items.length === 0 ? <EmptyState title={props.empty} {...(props.hint ? { hint: props.hint } : {})} /> : null}
        {log.items.map((e) => (
          <View key={e.id} className='entry' id={`entry-${e.id}`}>
            <View className='entry__main'>
              <Text>{e.doorName || e.gateName || '未登记的设备'}</Text>
              <Text className='entry__time'>{[e.who, formatDateTime(e.at)].filter(Boolean).join(' · ')}</Text>
            </View>
            <Chip text={e.reasonText} tone={e.decision === 'open' ? 'primary' : 'danger'} />
          </View>
        ))}
      </Section>
      {log.hasMore ? (
        <Button block fill='outline' type='primary' loading={log.loadingMore} onClick={() => void log.loadMore()}>
          更早的记录
        </Button>
      ) : null}
    </>
  )
}
