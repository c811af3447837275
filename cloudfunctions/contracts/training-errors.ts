/** Error codes of the `training` function (管家培训); plain constants for errors.ts. */
export const TRAINING_ERRORS = [
  'TRAINING.NOT_FOUND',
  'TRAINING.ARCHIVED',
  'TRAINING.EDIT_CONFLICT',
  'TRAINING.LESSON_NOT_FOUND',
  'TRAINING.QUIZ_CHANGED',
  'TRAINING.ANSWERS_MISMATCH'
] as const
