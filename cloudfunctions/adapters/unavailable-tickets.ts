import type { SessionTickets } from '../kernel/ports'

/** The tickets of a function that does not sign consoles in: using them is a wiring mistake. */
export function unavailableTickets(fn: string): SessionTickets {
  return {
    issue: () => Promise.reject(new Error(`function ${fn} does not sign in consoles (set signsInConsoles in its module)`))
  }
}
