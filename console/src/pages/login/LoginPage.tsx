import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Loading, MessagePlugin } from 'tdesign-react'
import { CheckCircleIcon, RefreshIcon } from 'tdesign-icons-react'
import { encodeQr } from '../../../../src/utils/qr/encode'
import { qrDataUri } from '../../../../src/utils/qr/png'
import { api, completeSignIn } from '../../client/api'
import { type DevPersona, devSignIn } from '../../client/transport'
import { navigate, useRoute } from '../../router'
import { CONSOLE_SIGNIN_PATH } from '../../../../src/utils/console-link'
import { miniProgramLink } from '../../shell/mini-link'
import { deviceName } from './device'

const POLL_MS = 2000

type Phase = { kind: 'starting' } | { kind: 'waiting'; id: string; secret: string; link: string; expiresAt: number } | { kind: 'ended'; reason: 'expired' | 'rejected' | 'failed'; message?: string } | { kind: 'done' }

/** What the QR code holds: the mini-program's sign-in page with the request's id. */
function signInLink(id: string): string {
  return miniProgramLink(import.meta.env.VITE_SIGNIN_LINK, CONSOLE_SIGNIN_PATH, { r: id })
}

/**
 * Staff sign in by scanning: the code stands for a request only this page holds the secret of;
 * the staff member confirms on the phone, where WeChat says who they are; this page then
 * collects the session. Locally a persona list stands in for the phone.
 */
export function LoginPage() {
  const { params } = useRoute()
  const back = params.get('redirect') ?? '/'
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' })
  const attempt = useRef(0)

  const finish = useCallback(
    async (ticket: string, session: { sessionId: string; expiresAt: number }) => {
      await completeSignIn(ticket, session)
      setPhase({ kind: 'done' })
      navigate(back.startsWith('/') && !back.startsWith('/login') ? back : '/', { replace: true })
    },
    [back]
  )

  const start = useCallback(async () => {
    const mine = ++attempt.current
    setPhase({ kind: 'starting' })
    const res = await api.office.startSignIn({ device: deviceName(navigator.userAgent) })
    if (mine !== attempt.current) return
    if (!res.ok) return setPhase({ kind: 'ended', reason: 'failed', message: res.error.message })
    setPhase({ kind: 'waiting', id: res.data.id, secret: res.data.secret, link: signInLink(res.data.id), expiresAt: res.data.expiresAt })
  }, [])

  useEffect(() => {
    void start()
    return () => {
      attempt.current++
    }
  }, [start])

  useEffect(() => {
    if (phase.kind !== 'waiting') return
    let stopped = false
    const tick = async () => {
      if (stopped) return
      const res = await api.office.pollSignIn({ id: phase.id, secret: phase.secret })
      if (stopped) return
      if (!res.ok) {
        if (res.error.code === 'TRANSPORT.FAILED') return void setTimeout(() => void tick(), POLL_MS)
        return setPhase({ kind: 'ended', reason: 'expired' })
      }
      const d = res.data
      if (d.status === 'signedIn') return void finish(d.ticket, { sessionId: d.sessionId, expiresAt: d.expiresAt })
      if (d.status === 'pending') return void setTimeout(() => void tick(), POLL_MS)
      setPhase({ kind: 'ended', reason: d.status })
    }
    const timer = setTimeout(() => void tick(), POLL_MS)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [phase, finish])

  return (
    <div className='login'>
      <div className='login__brand'>
        <div className='login__logo'>邻</div>
        <h1>邻里物业管理后台</h1>
        <p>住户、房屋、缴费、活动与服务，一处办理</p>
      </div>
      <div className='login__card' id='login-card'>
        <h2>扫码登录</h2>
        <p className='login__how'>打开邻里小程序，在“我的 → 电脑端登录”中扫一扫，或用微信扫一扫</p>
        <div className='login__qr'>
          {phase.kind === 'waiting' ? <img id='signin-qr' data-link={phase.link} src={qrDataUri(encodeQr(phase.link), 220)} alt='登录二维码' width={220} height={220} /> : null}
          {phase.kind === 'starting' || phase.kind === 'done' ? <Loading text={phase.kind === 'done' ? '登录成功，正在进入…' : '正在生成二维码…'} /> : null}
          {phase.kind === 'ended' ? (
            <div className='login__ended' id='signin-ended'>
              <div>{phase.reason === 'rejected' ? '已在手机上取消登录' : phase.reason === 'expired' ? '二维码已过期' : phase.message ?? '暂时无法生成二维码'}</div>
              <Button id='signin-refresh' theme='primary' icon={<RefreshIcon />} onClick={() => void start()}>
                刷新二维码
              </Button>
            </div>
          ) : null}
        </div>
        <p className='login__note'>
          <CheckCircleIcon /> 仅限物业工作人员；登录 12 小时后自动失效，可在手机上随时让这台电脑退出
        </p>
        {devSignIn ? <DevPersonas onSignedIn={(t, s) => void finish(t, s)} /> : null}
      </div>
    </div>
  )
}

/** Local only: sign in as a demo staff member without a phone. */
function DevPersonas({ onSignedIn }: { onSignedIn: (ticket: string, session: { sessionId: string; expiresAt: number }) => void }) {
  const dev = devSignIn
  const [personas, setPersonas] = useState<DevPersona[]>([])
  useEffect(() => {
    void dev?.personas().then((all) => setPersonas(all.filter((p) => p.role !== 'resident' && p.role !== 'newcomer')))
  }, [dev])
  if (!dev || personas.length === 0) return null
  const pick = async (id: string) => {
    const res = await dev.signIn(id)
    if (res.ok) onSignedIn(res.ticket, { sessionId: res.sessionId, expiresAt: res.expiresAt })
    else void MessagePlugin.error(res.error)
  }
  return (
    <div className='login__dev' id='dev-personas'>
      <div className='login__dev-title'>本地演示：不扫码，直接以工作人员身份登录</div>
      <div className='login__dev-list'>
        {personas.map((p) => (
          <Button key={p.id} id={`persona-${p.id}`} variant='outline' size='small' onClick={() => void pick(p.id)}>
            {p.nickname} · {p.roleLabel}
          </Button>
        ))}
      </div>
    </div>
  )
}
