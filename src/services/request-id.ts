export { newRequestId } from '../client/core/request-id'
