import type { FieldErrors } from '../../utils/form-errors'
import { Notice } from '../../ui/kit'

/**
 * Under a long form whose fields show their own errors: says there are some to fix, since the
 * marked field may be scrolled out of view. Nothing when there are none.
 */
export function FieldErrorsNotice({ errors, then = '保存', id }: { errors: FieldErrors; /** What the person does after fixing them. */ then?: '保存' | '创建'; id?: string }) {
  if (Object.keys(errors).length === 0) return null
  return (
    <Notice tone='danger' id={id}>
      请按标红的提示修改后再{then}
    </Notice>
  )
}
