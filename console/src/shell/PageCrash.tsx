import { Component, type ReactNode } from 'react'
import { Button } from 'tdesign-react'
import { ErrorCircleIcon } from 'tdesign-icons-react'

/**
 * A page that fails to draw (a fault in the console itself, or a lazy chunk that did not load after
 * a deployment) shows what happened and a way on, inside the frame, instead of blanking the
 * whole console; the menu still works. Keyed by route by its parent, so another page starts clean.
 */
export class PageCrash extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <div className='state' id='state-crash'>
        <ErrorCircleIcon className='state__icon state__icon--error' />
        <div className='state__title'>这个页面出了问题，没有显示出来</div>
        <div className='state__hint'>刷新后再试；如果仍然不行，请联系技术支持。</div>
        <Button theme='primary' onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      </div>
    )
  }
}
