import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import type { ApiError } from '@contracts/errors'
import { HOME_PATH, goHome } from '../../client'
import { useElderMode } from './elder'
import type { Query } from './use-query'
import './page-shell.scss'

export interface EmptySpec {
  title: string
  /** What the person can expect, or what to do. */
  hint?: string
  action?: { text: string; onClick: () => void }
}

interface ShellProps {
  id?: string
  className?: string
  children?: ReactNode
}

interface QueryShellProps<T> extends Omit<ShellProps, 'children'> {
  query: Pick<Query<T>, 'data' | 'error' | 'loading' | 'reload'>
  /** The empty state for this data, or null when there is something to show. */
  empty?: (data: T) => EmptySpec | null
  children: (data: T) => ReactNode
}

/** Codes after which retrying cannot help: the client is already taking the person elsewhere. */
const DETOURS = new Set(['AUTH.UNAUTHENTICATED', 'AUTH.NOT_REGISTERED', 'AUTH.COMMUNITY_REQUIRED'])

/** The page frame every page renders in: large-text mode, and one look for loading, error and empty. */
export function PageShell<T>(props: QueryShellProps<T> | ShellProps) {
  const elder = useElderMode()
  const cls = ['page', elder ? 'is-elder' : '', props.className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={cls} id={props.id}>
      {'query' in props ? <QueryBody {...props} /> : props.children}
    </View>
  )
}

function QueryBody<T>({ query, empty, children }: QueryShellProps<T>) {
  if (query.data === null) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.reload()} />
    if (query.loading) return <LoadingState />
    // Not loading and nothing asked for: the link lacked what the page needs.
    return <EmptyState title='链接不完整或已失效' hint='请从消息或首页重新打开' action={{ text: '回到首页', onClick: goHome }} />
  }
  const e = empty?.(query.data)
  return (
    <>
      {query.error && !DETOURS.has(query.error.code) ? (
        <View className='shell-stale' id='state-stale' onClick={() => void query.reload()}>
          <Text>{query.error.message}，点此重试</Text>
        </View>
      ) : null}
      {e ? <EmptyState {...e} /> : children(query.data)}
    </>
  )
}

export function LoadingState() {
  return (
    <View className='shell-state' id='state-loading'>
      <View className='shell-state__spinner' />
      <Text className='shell-state__hint'>加载中…</Text>
    </View>
  )
}

export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  if (DETOURS.has(error.code)) {
    return (
      <View className='shell-state' id='state-detour'>
        <View className='shell-state__spinner' />
        <Text className='shell-state__hint'>{error.code === 'AUTH.COMMUNITY_REQUIRED' ? '正在前往选择社区…' : '正在前往登录…'}</Text>
      </View>
    )
  }
  const forbidden = error.code === 'AUTH.FORBIDDEN'
  const offline = error.code === 'TRANSPORT.FAILED'
  return (
    <View className='shell-state' id='state-error'>
      <View className={`shell-state__mark ${offline ? 'shell-state__mark--offline' : 'shell-state__mark--error'}`} />
      <Text className='shell-state__title'>{forbidden ? '当前身份不能查看这个页面' : error.message}</Text>
      {forbidden ? <Text className='shell-state__hint'>可以在“我的”里切换到有权限的身份</Text> : null}
      <View className='shell-state__actions'>
        {onRetry && !forbidden ? (
          <View className='shell-btn shell-btn--primary' id='state-retry' onClick={onRetry}>
            <Text>重新加载</Text>
          </View>
        ) : null}
        <View className='shell-btn' id='state-home' onClick={leave}>
          <Text>{Taro.getCurrentPages().length > 1 ? '返回' : '回到首页'}</Text>
        </View>
      </View>
      {error.requestId ? <Text className='shell-state__code'>问题编号 {error.requestId}</Text> : null}
    </View>
  )
}

export function EmptyState({ title, hint, action }: EmptySpec) {
  return (
    <View className='shell-state' id='state-empty'>
      <View className='shell-state__mark shell-state__mark--empty' />
      <Text className='shell-state__title'>{title}</Text>
      {hint ? <Text className='shell-state__hint'>{hint}</Text> : null}
      {action ? (
        <View className='shell-btn shell-btn--primary' id='state-empty-action' onClick={action.onClick}>
          <Text>{action.text}</Text>
        </View>
      ) : null}
    </View>
  )
}

function leave(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else if (!(Taro.getCurrentInstance().router?.path ?? '').startsWith(HOME_PATH)) goHome()
}
