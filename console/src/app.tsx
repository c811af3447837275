import { type ComponentType, useEffect } from 'react'
import { Button } from 'tdesign-react'
import { LOGIN_PATH, api, signOutHere } from './client/api'
import { storedSession } from './client/session'
import { LoginPage } from './pages/login/LoginPage'
import { BillsPage } from './pages/bills/BillsPage'
import { FeesPage } from './pages/fees/FeesPage'
import { GridsPage } from './pages/grids/GridsPage'
import { HouseholdsPage } from './pages/households/HouseholdsPage'
import { OverviewPage } from './pages/overview/OverviewPage'
import { PaymentsPage } from './pages/payments/PaymentsPage'
import { SessionsPage } from './pages/sessions/SessionsPage'
import { StaffPage } from './pages/staff/StaffPage'
import { FirstCommunityPage } from './pages/setup/FirstCommunityPage'
import { type Route, currentLink, navigate, useRoute } from './router'
import { ConsoleLayout } from './shell/Layout'
import { ConsoleProvider, staffCommunities } from './shell/console-context'
import { menuFor } from './shell/menu'
import { EmptyState, PageShell } from './shell/PageShell'
import { useQuery } from './shell/use-query'

const PAGES: Record<string, ComponentType> = {
  '/': OverviewPage,
  '/households': HouseholdsPage,
  '/grids': GridsPage,
  '/staff': StaffPage,
  '/bills': BillsPage,
  '/payments': PaymentsPage,
  '/fees': FeesPage,
  '/sessions': SessionsPage
}

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
            <ConsoleProvider me={me} communities={communities}>
              {({ community }) => {
                const menu = menuFor(community.roles)
                // The home link opens each role's first page: finance starts at its fees.
                const entry = menu.find((m) => m.path === route.path) ?? (route.path === '/' ? menu[0] : undefined)
                const Page = entry ? PAGES[entry.path] : undefined
                return (
                  <ConsoleLayout menu={menu} active={entry?.path ?? ''} title={entry?.label ?? (PAGES[route.path] ? '无权访问' : '没有这个页面')} onSignOut={() => void signOut()}>
                    <div key={community.id}>
                      {Page ? (
                        <Page />
                      ) : (
                        <div className='state' id='state-missing'>
                          <div className='state__title'>{PAGES[route.path] ? '你在这个社区的身份看不到这个页面' : '没有这个页面'}</div>
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
