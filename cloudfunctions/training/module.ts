import { trainingContracts } from '../contracts/training'
import { get, list } from '../domain/training/admin'
import { gate } from '../domain/training/gate'
import { myCourses, open, readLesson } from '../domain/training/learn'
import { submitQuiz } from '../domain/training/quiz'
import { save } from '../domain/training/save'
import { archive, publish } from '../domain/training/status'
import { defineModule } from '../kernel/module'

export const trainingModule = defineModule({
  fn: 'training',
  contracts: trainingContracts,
  handlers: { save, publish, archive, list, get, myCourses, open, readLesson, submitQuiz, gate },
  jobs: [],
  memoryMB: 256,
  timeoutSec: 10
})
