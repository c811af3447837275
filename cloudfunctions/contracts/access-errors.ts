/**
 * Error codes of the `access` function's mini-program actions. Plain constants (no zod), so
 * errors.ts can list them without pulling the access schemas into every bundle that reads codes.
 * What a gate is told lives in gate.ts: gate answers are decisions, not errors.
 */
export const ACCESS_ERRORS = [
  'VISITOR_PASS.NOT_FOUND',
  'VISITOR_PASS.HELD_BY_OTHER',
  'VISITOR_PASS.NOT_ACTIVE',
  'VISITOR_PASS.BAD_WINDOW',
  'VISITOR_PASS.TOO_MANY',
  'GATE.ID_TAKEN',
  'GATE.NOT_FOUND',
  'GATE.BAD_DOORS',
  'ACCESS_KEY.ROTATION_CONFLICT'
] as const
