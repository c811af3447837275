import type { ReactNode } from 'react'
import { Avatar, Dropdown, Layout, Menu, Select } from 'tdesign-react'
import { ChevronDownIcon, DesktopIcon, LogoutIcon } from 'tdesign-icons-react'
import { ROLE_LABELS } from '@contracts/roles'
import { navigate } from '../router'
import { useConsole } from './console-context'
import type { MenuEntry } from './menu'

const { Header, Aside, Content } = Layout

/** The frame every signed-in page sits in: the menu of the person's roles, the community switcher, and who is signed in. */
export function ConsoleLayout({ menu, active, title, onSignOut, children }: { menu: MenuEntry[]; active: string; title: string; onSignOut: () => void; children: ReactNode }) {
  const { me, communities, community, choose } = useConsole()
  return (
    <Layout className='frame'>
      <Aside className='frame__aside' width='232px'>
        <div className='brand'>
          <span className='brand__mark'>邻</span>
          <span className='brand__name'>邻里物业后台</span>
        </div>
        <Menu value={active} onChange={(v) => navigate(String(v))} theme='light' width='232px' className='side-menu'>
          {menu.map((m) => (
            <Menu.MenuItem key={m.path} value={m.path} icon={<m.icon />} className={`menu-${m.path === '/' ? 'home' : m.path.slice(1)}`}>
              {m.label}
            </Menu.MenuItem>
          ))}
        </Menu>
      </Aside>
      <Layout className='frame__main'>
        <Header className='frame__header'>
          <h1 className='frame__title'>{title}</h1>
          <div className='frame__tools'>
            {communities.length > 1 ? (
              <Select
                className='frame__community community-switch'
                value={community.id}
                onChange={(v) => choose(String(v))}
                options={communities.map((c) => ({ label: c.name, value: c.id }))}
                borderless
                autoWidth
              />
            ) : (
              <span className='frame__community-name'>{community.name}</span>
            )}
            <span className='frame__roles'>{community.roles.map((r) => ROLE_LABELS[r]).join('、')}</span>
            <Dropdown
              options={[
                { content: '登录设备', value: 'sessions', prefixIcon: <DesktopIcon /> },
                { content: '退出登录', value: 'signout', prefixIcon: <LogoutIcon /> }
              ]}
              onClick={(d) => (d.value === 'signout' ? onSignOut() : navigate('/sessions'))}
            >
              <span className='frame__user' id='user-menu'>
                <Avatar size='small'>{me.user.nickname.slice(0, 1)}</Avatar>
                <span>{me.user.nickname}</span>
                <ChevronDownIcon />
              </span>
            </Dropdown>
          </div>
        </Header>
        <Content className='frame__content'>{children}</Content>
      </Layout>
    </Layout>
  )
}
