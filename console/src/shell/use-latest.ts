import { useCallback, useRef } from 'react'

/**
 * A function that keeps its identity and calls the latest `fn`. TDesign's Dialog copies its props
 * into state only when they change deeply, and functions do not count: a footer button or an
 * onClose made in an earlier render would run with that render's values. Dialogs hand it these.
 */
export function useLatest<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn)
  ref.current = fn
  return useCallback((...args: A) => ref.current(...args), [])
}
