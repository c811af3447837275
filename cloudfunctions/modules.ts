import type { FunctionModule } from './kernel/module'
import { userModule } from './user/module'

/** Every deployable function. The local server, the job runner and the bundler all read this. */
export const modules: readonly FunctionModule[] = [userModule as unknown as FunctionModule]

export function moduleByName(fn: string): FunctionModule | undefined {
  return modules.find((m) => m.fn === fn)
}
