// 窗口登记授权 on paper: an elder without a phone comes with a relative and the 户口簿 (亲情帮办), or a proxy brings
// the citizen's signed 授权委托书. ID numbers are masked as typed (a scanner may type them) and shown masked.
import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { RELATIONS, timeLeftText, WINDOW_PROOF, WINDOW_RELATIVE_GRANT_DAYS, PROXY_GRANT_MINUTES, type GrantView, type Relation, type WindowGrantKind } from '@/domain/assist'
import { maskIdNumber } from '@/domain/mask'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { TextField } from '../TextField'

export interface WindowGrantInput {
  kind: WindowGrantKind
  idNumber: string
  bundleId?: string
  relativeMobile: string
  relation?: Relation
  proxyName: string
  proxyIdNumber: string
  promiseAuthorised: boolean
}

export interface WindowGrantFormProps {
  now: string
  busy: boolean
  bundles: { id: string; name: string }[]
  fieldErrors: Record<string, string>
  /** the scan uploaded for this form, by kind */
  proof?: { kind: WindowGrantKind; name: string }
  /** the grant just registered */
  registered?: GrantView
  onPickProof: (kind: WindowGrantKind) => void
  onRegister: (input: WindowGrantInput) => void
}

const KINDS: { value: WindowGrantKind; label: string; help: string }[] = [
  { value: 'relative', label: '亲情帮办（凭户口簿）', help: `申请人没有手机：登记后亲属用自己的手机为其办理，有效 ${WINDOW_RELATIVE_GRANT_DAYS} 天` },
  { value: 'proxy', label: '代理人（凭授权委托书）', help: `代理人不是申请人本人：本窗口凭授权委托书为申请人办理，有效 ${PROXY_GRANT_MINUTES / 60} 小时` },
]

/** "4301**********2114" once the number is long enough to mask; nothing shown whole */
const maskedEcho = (id: string) => (id.trim().length >= 15 ? `已输入：${maskIdNumber(id.trim().toUpperCase())}` : undefined)

export function WindowGrantForm(p: WindowGrantFormProps) {
  const [kind, setKind] = useState<WindowGrantKind>('relative')
  const [idNumber, setIdNumber] = useState('')
  const [bundleId, setBundleId] = useState<string>()
  const [relativeMobile, setRelativeMobile] = useState('')
  const [relation, setRelation] = useState<Relation>()
  const [proxyName, setProxyName] = useState('')
  const [proxyIdNumber, setProxyIdNumber] = useState('')
  const [promise, setPromise] = useState(false)
  // registered: the people's numbers leave the screen (the next citizen is served at the same window)
  useEffect(() => {
    if (!p.registered) return
    setIdNumber('')
    setRelativeMobile('')
    setProxyName('')
    setProxyIdNumber('')
    setPromise(false)
  }, [p.registered?.id]) // eslint-disable-line react-hooks/exhaustive-deps
  const e = p.fieldErrors
  const paper = WINDOW_PROOF[kind]
  const proof = p.proof?.kind === kind ? p.proof : undefined
  const r = p.registered
  return (
    <View className='ui-card' aria-label='窗口登记授权'>
      <Heading level={2}>窗口登记授权（申请人没有手机或由代理人办理）</Heading>
      <ChoiceGroup id='wg-kind' legend='登记哪种授权' options={KINDS} value={kind} onChange={(v) => setKind(v as WindowGrantKind)} error={e.kind} />
      <TextField id='wg-id' label='申请人的身份证号码' kind='idcard' password value={idNumber} onInput={setIdNumber} help={maskedEcho(idNumber) ?? '核对申请人的身份证原件后输入或扫描'} error={e.idNumber} autoComplete='off' />
      <ChoiceGroup id='wg-bundle' legend='办理哪件事' options={p.bundles.map((b) => ({ value: b.id, label: b.name }))} value={bundleId} onChange={(v) => setBundleId(v as string)} error={e.bundleId} />
      {kind === 'relative' ? (
        <View>
          <TextField id='wg-mobile' label='亲属的手机号码' kind='tel' value={relativeMobile} onInput={setRelativeMobile} help='亲属须已用这个手机号登录过本应用' error={e.relativeMobile} />
          <ChoiceGroup id='wg-relation' legend='亲属与申请人的关系（以户口簿为准）' options={RELATIONS.map((x) => ({ value: x, label: x }))} value={relation} onChange={(v) => setRelation(v as Relation)} error={e.relation} />
        </View>
      ) : (
        <View>
          <TextField id='wg-proxy-name' label='代理人姓名' value={proxyName} onInput={setProxyName} error={e.proxyName} />
          <TextField id='wg-proxy-id' label='代理人的身份证号码' kind='idcard' password value={proxyIdNumber} onInput={setProxyIdNumber} help={maskedEcho(proxyIdNumber)} error={e.proxyIdNumber} autoComplete='off' />
          <ChoiceGroup
            id='wg-promise'
            legend='告知承诺'
            multiple
            options={[{ value: 'yes', label: '授权委托书写明代理人可以申请人名义作出告知承诺', help: '未写明时，代理人不能作出告知承诺，只能提交证明材料' }]}
            value={promise ? ['yes'] : []}
            onChange={(v) => setPromise((v as string[]).includes('yes'))}
          />
        </View>
      )}
      <View id='wg-proof' className='ui-field'>
        <View className='ui-label'>{paper}扫描件或照片</View>
        <View className='ui-help'>{kind === 'relative' ? '扫描户口簿的户主页、申请人页和亲属页（JPG、PNG 或 PDF）' : '扫描申请人签字的授权委托书（JPG、PNG 或 PDF）'}</View>
        {proof ? <View>已上传：{proof.name}</View> : null}
        {e.proofFileId ? (
          <View className='ui-error' role='alert'>
            {e.proofFileId}
          </View>
        ) : null}
        <AppButton variant='secondary' busy={p.busy} onTap={() => p.onPickProof(kind)}>
          {proof ? `重新上传${paper}` : `上传${paper}`}
        </AppButton>
      </View>
      <AppButton busy={p.busy} onTap={() => p.onRegister({ kind, idNumber, bundleId, relativeMobile, relation, proxyName, proxyIdNumber, promiseAuthorised: promise })}>
        登记授权
      </AppButton>
      {r ? (
        <Notice tone='success' live='status'>
          {r.grantee === 'relative'
            ? `已登记：${r.citizen?.name ?? '申请人'}（${r.citizen?.idNumber ?? ''}）授权亲属帮办“${r.scopeLabel}”，${timeLeftText(r.expiresAt, p.now)}。请亲属用登记的手机号登录本应用，在“授权与查看记录—亲属请我帮办”中办理。`
            : `已登记：代理人 ${r.proxy?.name ?? ''}（${r.proxy?.idNumber ?? ''}）为 ${r.citizen?.name ?? '申请人'} 办理“${r.scopeLabel}”${r.promiseAuthorised ? '，可作出告知承诺' : ''}。`}
        </Notice>
      ) : null}
    </View>
  )
}
