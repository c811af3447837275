/**
 * `@tarojs/components` as plain DOM for unit tests of React components (jest + jsdom +
 * @testing-library/react): View is a div, Text a span, Image an img. A Picker renders its
 * children and an <input> standing for the native picker: changing the input's value is the
 * person choosing that value; its bounds are on data-start / data-end.
 */
import type { ReactNode } from 'react'

interface Common {
  id?: string
  className?: string
  children?: ReactNode
  onClick?: () => void
}

export function View({ id, className, children, onClick }: Common & { hoverClass?: string }) {
  return (
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  )
}

export function Text({ id, className, children, onClick }: Common) {
  return (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  )
}

export function ScrollView({ id, className, children }: Common & { scrollX?: boolean; enableFlex?: boolean }) {
  return (
    <div id={id} className={className} data-scroll='x'>
      {children}
    </div>
  )
}

export function Image(props: {
  id?: string
  className?: string
  src: string
  mode?: string
  lazyLoad?: boolean
  onLoad?: () => void
  onError?: () => void
}) {
  return (
    <img
      id={props.id}
      className={props.className}
      src={props.src}
      data-mode={props.mode}
      data-lazy={String(Boolean(props.lazyLoad))}
      onLoad={props.onLoad}
      onError={props.onError}
    />
  )
}

export function Picker(props: {
  mode: string
  value?: string
  start?: string
  end?: string
  className?: string
  children?: ReactNode
  onChange: (e: { detail: { value: string } }) => void
}) {
  return (
    <div className={props.className}>
      <input
        data-picker={props.mode}
        data-start={props.start ?? ''}
        data-end={props.end ?? ''}
        value={props.value ?? ''}
        onChange={(e) => props.onChange({ detail: { value: e.target.value } })}
      />
      {props.children}
    </div>
  )
}
