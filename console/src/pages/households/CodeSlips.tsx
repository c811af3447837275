import { useMemo, useState } from 'react'
import { Alert, Button, Checkbox, Dialog, Progress } from 'tdesign-react'
import { PrintIcon } from 'tdesign-icons-react'
import { inPages } from '@contracts/household-import'
import { api } from '../../client/api'
import { miniProgramLink } from '../../shell/mini-link'
import { useLatest } from '../../shell/use-latest'
import { useQrImages } from './use-qr-images'

export interface Slip {
  householdId: string
  building: string
  room: string
  code: string
}

/** The bind page with the code filled in; on CloudBase a 普通链接二维码 rule opens the mini-program. */
function bindLink(code: string): string {
  return miniProgramLink(import.meta.env.VITE_BIND_LINK, '/packages/household/pages/bind/index', { code: code.replace('-', '') })
}

type Stage = { step: 'confirm'; error?: string } | { step: 'issuing'; done: number } | { step: 'print'; slips: Slip[]; kept: number; busy: number; failed: number }

/**
 * Code slips for the chosen households: confirmed (a reprint makes the old paper stop working),
 * issued in pages, then laid out for the printer, one slip per household with its QR code. The
 * codes exist only on this screen and the paper: closing it loses them, and only a reprint helps.
 */
export function CodeSlips({ communityName, householdIds, onClose }: { communityName: string; householdIds: () => Promise<string[]>; onClose: (issued: boolean) => void }) {
  const [stage, setStage] = useState<Stage>({ step: 'confirm' })
  const [reissue, setReissue] = useState(false)

  const run = async () => {
    setStage({ step: 'issuing', done: 0 })
    let ids: string[]
    try {
      ids = await householdIds()
    } catch {
      return setStage({ step: 'confirm', error: '读取房屋列表没有成功，请稍后再试' })
    }
    const slips: Slip[] = []
    let kept = 0
    let busy = 0
    let failed = 0
    const pages = inPages(ids)
    for (const [i, page] of pages.entries()) {
      const res = await api.office.issueCodes({ householdIds: page, reissue })
      if (!res.ok) {
        // Slips already issued are shown: their codes are valid now and exist nowhere else.
        if (slips.length) return setStage({ step: 'print', slips, kept, busy, failed: failed + pages.slice(i).reduce((n, p) => n + p.length, 0) })
        return setStage({ step: 'confirm', error: res.error.message })
      }
      slips.push(...res.data.slips)
      kept += res.data.kept
      busy += res.data.busy
      failed += res.data.failed
      setStage({ step: 'issuing', done: Math.round(((i + 1) / pages.length) * 100) })
    }
    setStage({ step: 'print', slips, kept, busy, failed })
  }

  const issue = useLatest(() => void run())
  const cancel = useLatest(() => onClose(false))
  if (stage.step === 'print') return <SlipSheet communityName={communityName} result={stage} onClose={() => onClose(true)} />

  return (
    <Dialog
      visible
      header='打印房屋码'
      width={560}
      closeOnOverlayClick={false}
      onClose={cancel}
      footer={
        <>
          <Button variant='outline' disabled={stage.step === 'issuing'} onClick={cancel}>
            取消
          </Button>
          <Button id='slips-issue' theme='primary' loading={stage.step === 'issuing'} onClick={issue}>
            生成并打印
          </Button>
        </>
      }
    >
      <div className='stack'>
        <div>每户一张码条：房号、房屋码与扫码即可绑定的二维码。房屋码只在生成时显示一次，系统只保存其校验值。</div>
        <Checkbox checked={reissue} onChange={(v) => setReissue(Boolean(v))}>
          已有房屋码的也重新生成（旧码条随即作废，已绑定的住户不受影响）
        </Checkbox>
        {stage.step === 'issuing' ? <Progress percentage={stage.done} /> : null}
        {stage.step === 'confirm' && stage.error ? <Alert theme='error' message={stage.error} /> : null}
      </div>
    </Dialog>
  )
}

/** The issued slips laid out for A4; printing waits until every QR code is drawn. */
function SlipSheet({ communityName, result, onClose }: { communityName: string; result: Extract<Stage, { step: 'print' }>; onClose: () => void }) {
  const items = useMemo(() => result.slips.map((s) => ({ key: s.householdId, link: bindLink(s.code) })), [result.slips])
  const { images, done } = useQrImages(items, 240)
  const ready = done >= items.length
  return (
    <div className='slips' id='code-slips'>
      <div className='slips__bar'>
        <div>
          已生成 {result.slips.length} 张房屋码条{result.kept ? `；${result.kept} 户已有房屋码，未重新生成` : ''}
          {result.busy ? `；${result.busy} 户刚被其他人重新生成，请以那份为准` : ''}
          {result.failed ? `；${result.failed} 户没有生成成功（原码仍有效），请稍后单独重试` : ''}。房屋码只在此显示一次，关闭前请打印。
          {ready ? null : <span className='slips__progress'>正在生成二维码 {done}/{items.length}…</span>}
        </div>
        <div className='slips__actions'>
          <Button id='slips-print' theme='primary' icon={<PrintIcon />} disabled={result.slips.length === 0 || !ready} onClick={() => window.print()}>
            打印
          </Button>
          <Button id='slips-close' variant='outline' onClick={onClose}>
            关闭
          </Button>
        </div>
      </div>
      <div className='slips__sheet'>
        {result.slips.map((s) => (
          <div className='slip' key={s.householdId}>
            <div className='slip__head'>{communityName} · 房屋码</div>
            <div className='slip__room'>
              {s.building} {s.room}
            </div>
            {images.has(s.householdId) ? <img className='slip__qr' alt='' src={images.get(s.householdId)} /> : <div className='slip__qr slip__qr--pending' />}
            <div className='slip__code'>{s.code}</div>
            <div className='slip__hint'>微信扫码，或在小程序「我的 → 绑定新房屋」输入房屋码。请妥善保管，勿转交他人。</div>
          </div>
        ))}
      </div>
    </div>
  )
}
