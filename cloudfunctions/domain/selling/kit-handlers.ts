import { adminKit, saveKit } from './kit-admin'
import { kit, kits, recordUse } from './kit'
import { setTargets, targets } from './targets'

/** The selling kit's and the daily targets' actions, spread into the `selling` module. */
export const kitHandlers = { saveKit, adminKit, kits, kit, recordUse }
export const targetHandlers = { setTargets, targets }
