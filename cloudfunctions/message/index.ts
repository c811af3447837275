import { cloudbaseMain } from '../adapters/cloudbase/runtime'
import { messageModule } from './module'

/** CloudBase entry point: `main(event, context)`; the message centre and notices. */
export const main = cloudbaseMain(messageModule)
