import { Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { api } from '../../../../client'
import { Choices } from '../../../../components/Choices'
import { PhotoPicker } from '../../../../components/PhotoPicker'
import { toastError } from '../../../../services/result'
import { photoSrc, uploadPhoto } from '../../../../services/upload'
import { Button } from '../../../../ui/nut'
import { ActionBar, Cell, CellGroup, Chip, Field, Section } from '../../../../ui/kit'
import { PageShell, all, useQuery } from '../../../../ui/shell'
import { areaText } from '../../links'
import '../../vote.scss'

/**
 * A butler enters the paper ballots collected at the door: the unit (one of the grid's that has
 * not voted), the choice marked on the paper, and a photo of it. Each is recorded as a paper ballot.
 */
export default function PaperBallotPage() {
  const { params } = useRouter()
  const id = decodeURIComponent(params.id ?? '')
  const q = useQuery(() => all([api.message.vote({ id }), api.message.voteProgress({ id })]), [id], { enabled: id !== '' })
  const [unit, setUnit] = useState<string | null>(null)
  const [option, setOption] = useState<string | null>(null)
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (unit === null || option === null || photos.length === 0) return
    setBusy(true)
    const r = await api.message.recordPaperBallot({ id, householdId: unit, option: Number(option), photo: photos[0]! })
    setBusy(false)
    if (!r.ok) return toastError(r.error)
    void Taro.showToast({ title: `${r.data.label} 已录入`, icon: 'success' })
    setUnit(null)
    setOption(null)
    setPhotos([])
    void q.reload()
  }

  return (
    <PageShell id='vote-paper-page' query={q}>
      {([v, progress]) => (
        <>
          <Section title={v.title}>
            <Text className='vt-meta'>本网格未投票 {progress.unvoted.length} 套；每套房屋只有一票，录入后不可更改。</Text>
          </Section>
          <CellGroup title='选择房屋' id='paper-units'>
            {progress.unvoted.length === 0 ? <Cell icon='success' title='本网格房屋均已投票' /> : null}
            {progress.unvoted.map((u) => (
              <Cell
                key={u.householdId}
                id={`paper-unit-${u.householdId}`}
                icon='home'
                title={u.label}
                desc={`${areaText(u.areaCm2)} · ${u.owners ? `${u.owners} 位业主已绑定` : '业主未绑定小程序'}`}
                extra={unit === u.householdId ? <Chip text='已选' tone='primary' /> : undefined}
                onClick={() => setUnit(u.householdId)}
              />
            ))}
          </CellGroup>
          {unit ? (
            <Section title='表决票内容'>
              <Field label='票面选择' required>
                <Choices id='paper-option' value={option} options={v.options.map((label, i) => ({ value: String(i), label }))} onChange={setOption} />
              </Field>
              <Field label='表决票照片' required hint='拍清业主签名与勾选处，留作存档'>
                <PhotoPicker id='paper-photo' max={1} value={photos} onChange={setPhotos} onBusyChange={setUploading} upload={uploadPhoto} srcOf={photoSrc} />
              </Field>
            </Section>
          ) : null}
          <ActionBar>
            <Button id='paper-save' type='primary' block loading={busy} disabled={unit === null || option === null || photos.length === 0 || uploading} onClick={() => void save()}>
              {unit === null ? '请选择房屋' : option === null ? '请选择票面选项' : photos.length === 0 ? '请拍摄表决票' : '录入这张表决票'}
            </Button>
          </ActionBar>
        </>
      )}
    </PageShell>
  )
}
