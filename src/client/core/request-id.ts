/** A fresh idempotency key per submission (a checkout, a form): a double tap resubmits the same one. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}
