import type { ReactNode } from 'react'
import { Button, Loading } from 'tdesign-react'
import { ErrorCircleIcon, FolderOpenIcon } from 'tdesign-icons-react'
import type { ApiError } from '@contracts/errors'
import type { Query } from './use-query'

export interface EmptySpec {
  title: string
  hint?: string
  action?: { text: string; onClick: () => void }
}

/** Codes after which retrying cannot help: the client is already taking the person to sign in. */
const DETOURS = new Set(['AUTH.UNAUTHENTICATED', 'AUTH.NOT_REGISTERED'])

/** One look for loading, error with retry, and empty with a next step, on every console page. */
export function PageShell<T>({ query, empty, children }: { query: Query<T>; empty?: (data: T) => EmptySpec | null; children: (data: T) => ReactNode }) {
  if (query.data === null) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.reload()} />
    return (
      <div className='state' id='state-loading'>
        <Loading text='加载中…' />
      </div>
    )
  }
  const e = empty?.(query.data)
  return (
    <>
      {query.error && !DETOURS.has(query.error.code) ? (
        <div className='stale' id='state-stale'>
          {query.error.message}
          <Button variant='text' theme='primary' onClick={() => void query.reload()}>
            重试
          </Button>
        </div>
      ) : null}
      {e ? <EmptyState {...e} /> : children(query.data)}
    </>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (DETOURS.has(error.code)) {
    return (
      <div className='state' id='state-detour'>
        <Loading text='正在前往登录…' />
      </div>
    )
  }
  return (
    <div className='state' id='state-error'>
      <ErrorCircleIcon className='state__icon state__icon--error' />
      <div className='state__title'>{error.message}</div>
      {error.requestId ? <div className='state__hint'>如需协助，请把请求编号 {error.requestId} 告诉技术支持</div> : null}
      {onRetry ? (
        <Button theme='primary' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </div>
  )
}

export function EmptyState({ title, hint, action }: EmptySpec) {
  return (
    <div className='state' id='state-empty'>
      <FolderOpenIcon className='state__icon' />
      <div className='state__title'>{title}</div>
      {hint ? <div className='state__hint'>{hint}</div> : null}
      {action ? (
        <Button theme='primary' variant='outline' onClick={action.onClick}>
          {action.text}
        </Button>
      ) : null}
    </div>
  )
}
