import { Button, Text, View } from '@tarojs/components'
import type { ApiError } from '@contracts/errors'
import './index.scss'

/** Loading, error and empty states look the same on every page. */
export function StateView(props: {
  loading?: boolean
  error?: ApiError | null
  empty?: string
  onRetry?: () => void
}) {
  if (props.loading) {
    return (
      <View className='state-view' id='state-loading'>
        <View className='state-view__spinner' />
        <Text className='muted'>加载中…</Text>
      </View>
    )
  }
  if (props.error) {
    return (
      <View className='state-view' id='state-error'>
        <Text className='state-view__title'>{props.error.message}</Text>
        {props.error.requestId ? <Text className='muted'>请求编号 {props.error.requestId}</Text> : null}
        {props.onRetry ? (
          <Button className='state-view__retry' size='mini' onClick={props.onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    )
  }
  if (props.empty) {
    return (
      <View className='state-view' id='state-empty'>
        <Text className='muted'>{props.empty}</Text>
      </View>
    )
  }
  return null
}
