import { type ComponentType, type LazyExoticComponent, Suspense, lazy, useEffect } from 'react'
import { Button, Loading } from 'tdesign-react'
import type { Role } from '@contracts/roles'
import { LOGIN_PATH, api, signOutHere } from './client/api'
import { storedSession } from './client/session'
import { LoginPage } from './pages/login/LoginPage'
import { FirstCommunityPage } from './pages/setup/FirstCommunityPage'
import { type Route, currentLink, navigate, useRoute } from './router'
import { ConsoleLayout } from './shell/Layout'
import { ConsoleProvider, staffCommunities } from './shell/console-context'
import { menuFor } from './shell/menu'
import { PageCrash } from './shell/PageCrash'
import { EmptyState, PageShell } from './shell/PageShell'
import { useQuery } from './shell/use-query'

/**
 * Each page is its own chunk, loaded when first opened: the sign-in screen and the frame come
 * first, and an office that only ever opens 账单与欠费 never downloads the import's spreadsheet code.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })))
const PAGES: Record<string, LazyExoticComponent<ComponentType>> = {
  '/': page(() => import('./pages/overview/OverviewPage'), 'OverviewPage'),
  '/insights': page(() => import('./pages/insights/InsightsPage'), 'InsightsPage'),
  '/households': page(() => import('./pages/households/HouseholdsPage'), 'HouseholdsPage'),
  '/desk': page(() => import('./pages/desk/DeskPage'), 'DeskPage'),
  '/work-orders': page(() => import('./pages/work-orders/WorkOrdersPage'), 'WorkOrdersPage'),
  '/chats': page(() => import('./pages/chats/ChatsPage'), 'ChatsPage'),
  '/complaints': page(() => import('./pages/complaints/ComplaintsPage'), 'ComplaintsPage'),
  '/notices': page(() => import('./pages/notices/NoticesPage'), 'NoticesPage'),
  '/parcels': page(() => import('./pages/parcels/ParcelsPage'), 'ParcelsPage'),
  '/parking': page(() => import('./pages/parking/ParkingPage'), 'ParkingPage'),
  '/votes': page(() => import('./pages/votes/VotesPage'), 'VotesPage'),
  '/surveys': page(() => import('./pages/surveys/SurveysPage'), 'SurveysPage'),
  '/grids': page(() => import('./pages/grids/GridsPage'), 'GridsPage'),
  '/staff': page(() => import('./pages/staff/StaffPage'), 'StaffPage'),
  '/places': page(() => import('./pages/places/PlacesPage'), 'PlacesPage'),
  '/services': page(() => import('./pages/services/ServicesPage'), 'ServicesPage'),
  '/presale': page(() => import('./pages/presale/PresalePage'), 'PresalePage'),
  '/training': page(() => import('./pages/training/TrainingPage'), 'TrainingPage'),
  '/commission': page(() => import('./pages/commission/CommissionPage'), 'CommissionPage'),
  '/honor': page(() => import('./pages/honor/HonorPage'), 'HonorPage'),
  '/events': page(() => import('./pages/events/EventsPage'), 'EventsPage'),
  '/members': page(() => import('./pages/members/MembersPage'), 'MembersPage'),
  '/bills': page(() => import('./pages/bills/BillsPage'), 'BillsPage'),
  '/payments': page(() => import('./pages/payments/PaymentsPage'), 'PaymentsPage'),
  '/cash': page(() => import('./pages/cash/CashPage'), 'CashPage'),
  '/fees': page(() => import('./pages/fees/FeesPage'), 'FeesPage'),
  '/sessions': page(() => import('./pages/sessions/SessionsPage'), 'SessionsPage')
}

/** Pages opened from a link, not the menu (`/household/<id>`): who may open each, and the menu entry it sits under. */
const LINKED: readonly { prefix: string; label: string; roles: readonly Role[]; under: string; page: LazyExoticComponent<ComponentType> }[] = [
  { prefix: '/household/', label: '户档案', roles: ['operator', 'service', 'butler'], under: '/households', page: page(() => import('./pages/household360/Household360Page'), 'Household360Page') }
]
const linkedAt = (path: string) => LINKED.find((l) => path.startsWith(l.prefix) && path.length > l.prefix.length)

export function App() {
  const route = useRoute()
  const signedIn = storedSession() !== null
  useEffect(() => {
    if (route.path !== LOGIN_PATH && !signedIn) navigate(`${LOGIN_PATH}?redirect=${encodeURIComponent(currentLink())}`, { replace: true })
  }, [route.path, signedIn])
  if (route.path === LOGIN_PATH) return <LoginPage />
  return signedIn ? <SignedIn route={route} /> : null
}

async function signOut() {
  await signOutHere()
  navigate(LOGIN_PATH, { replace: true })
}

/** Who is signed in, where they work, and the page of the route within what their roles allow. */
function SignedIn({ route }: { route: Route }) {
  const q = useQuery(() => api.user.me(), [])
  return (
    <div className='whole'>
      <PageShell query={q}>
        {(me) => {
          const communities = staffCommunities(me)
          if (communities.length === 0) {
            // A company administrator before the first community: create it here.
            if (me.admin) return <FirstCommunityPage name={me.user.nickname} onCreated={() => void q.reload()} onSignOut={() => void signOut()} />
            return <EmptyState title='你目前没有工作身份' hint='管理后台只对物业工作人员开放。如需开通，请联系运营。' action={{ text: '退出登录', onClick: () => void signOut() }} />
          }
          return (
            <ConsoleProvider me={me} communities={communities} reload={q.reload}>
              {({ community }) => {
                const menu = menuFor(community.roles)
                // The home link opens each role's first page: finance starts at its fees.
                const entry = menu.find((m) => m.path === route.path) ?? (route.path === '/' ? menu[0] : undefined)
                const linked = entry ? undefined : linkedAt(route.path)
                const allowed = linked && linked.roles.some((r) => community.roles.includes(r)) ? linked : undefined
                const Page = entry ? PAGES[entry.path] : allowed?.page
                const known = PAGES[route.path] !== undefined || linked !== undefined
                return (
                  <ConsoleLayout menu={menu} active={entry?.path ?? allowed?.under ?? ''} title={entry?.label ?? allowed?.label ?? (known ? '无权访问' : '没有这个页面')} onSignOut={() => void signOut()}>
                    <div key={community.id}>
                      {Page ? (
                        <PageCrash key={route.path}>
                          <Suspense
                            fallback={
                              <div className='state' id='state-loading'>
                                <Loading text='加载中…' />
                              </div>
                            }
                          >
                            <Page />
                          </Suspense>
                        </PageCrash>
                      ) : (
                        <div className='state' id='state-missing'>
                          <div className='state__title'>{known ? '你在这个社区的身份看不到这个页面' : '没有这个页面'}</div>
                          <Button theme='primary' onClick={() => navigate(menu[0]?.path ?? '/sessions')}>
                            去{menu[0]?.label ?? '登录设备'}
                          </Button>
                        </div>
                      )}
                    </div>
                  </ConsoleLayout>
                )
              }}
            </ConsoleProvider>
          )
        }}
      </PageShell>
    </div>
  )
}
