// 授权与查看记录: the citizen lets a hall's window (a one-time 授权码 / QR) or a relative (亲情帮办) act for them,
// sees every grant with its state and revokes one, and reads who looked at their data (谁查看了我的信息).
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import {
  AUDIT_ACTION_LABELS,
  auditBasisText,
  auditWho,
  DEFAULT_GRANT_MINUTES,
  DEFAULT_RELATIVE_GRANT_DAYS,
  GRANT_MINUTES,
  GRANT_STATE_LABELS,
  RELATIONS,
  RELATIVE_GRANT_DAYS,
  timeLeftText,
  WINDOW_PROOF,
  type AuditEntry,
  type GrantView,
  type Relation,
} from '@/domain/assist'
import { formatTime } from '@/domain/datetime'
import { AppButton } from '../Button'
import { BackLink } from '../BackLink'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { QrCode } from '../QrCode'
import { focusById, scrollToId } from '../reveal'
import { TextField } from '../TextField'

export interface GrantsScreenProps {
  now: string
  loading: boolean
  error?: string
  fieldErrors: Record<string, string>
  busy: boolean
  bundles: { id: string; name: string }[]
  halls: { id: string; name: string; address: string }[]
  grants: GrantView[]
  /** 亲情帮办 grants relatives gave me: I may file for them (and follow the case filed) */
  received: GrantView[]
  audit: AuditEntry[]
  onWindowGrant: (input: { bundleId?: string; hallId?: string; minutes: number; promiseAuthorised: boolean }) => void
  onRelativeGrant: (input: { bundleId?: string; relativeMobile: string; relation?: Relation; days: number; promiseAuthorised: boolean }) => void
  onRevoke: (grant: GrantView) => void
  /** starts filing for the relative under their grant */
  onActFor: (grant: GrantView) => void
  /** follows the case filed under the grant */
  onFollow: (grant: GrantView) => void
  onRefresh: () => void
  onBack: () => void
  /** 'access': opened as 谁查看了我的信息 — the list is brought into view and focused once it is read */
  section?: 'access'
}

export const ACCESS_HEADING_ID = 'grants-access'

/** "1234 5678": easier to read out at a window */
const grouped = (code: string) => code.replace(/(\d{4})(?=\d)/g, '$1 ')

function granteeText(g: GrantView): string {
  if (g.grantee === 'relative') return g.relative ? `亲属 ${g.relative.name}（${g.relative.relation}，${g.relative.mobile}）` : '亲属'
  const used = g.usedBy ? `，${[g.usedBy.window, g.usedBy.staffName].filter(Boolean).join(' ')} 正在使用` : ''
  const proxy = g.proxy ? `（代理人 ${g.proxy.name}）` : ''
  return `${g.hallName ?? '服务大厅'}窗口工作人员${proxy}${used}`
}

/** 告知承诺 by the grantee needs the citizen's explicit written authorisation: off unless ticked. */
function PromiseConsent({ id, who, value, onChange }: { id: string; who: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <ChoiceGroup
      id={id}
      legend='告知承诺（选填）'
      multiple
      options={[{ value: 'yes', label: `书面授权${who}以我的名义作出告知承诺`, help: '承诺的内容由您负责，承诺不实将记入信用记录；不授权时，对方只能为您提交证明材料。' }]}
      value={value ? ['yes'] : []}
      onChange={(v) => onChange((v as string[]).includes('yes'))}
    />
  )
}

export function GrantsScreen(p: GrantsScreenProps) {
  const [bundleId, setBundleId] = useState<string>()
  const [hallId, setHallId] = useState<string>()
  const [minutes, setMinutes] = useState<number>(DEFAULT_GRANT_MINUTES)
  const [relBundleId, setRelBundleId] = useState<string>()
  const [mobile, setMobile] = useState('')
  const [relation, setRelation] = useState<Relation>()
  const [days, setDays] = useState<number>(DEFAULT_RELATIVE_GRANT_DAYS)
  const [promise, setPromise] = useState(false)
  const [relPromise, setRelPromise] = useState(false)
  const waiting = p.grants.filter((g) => g.state === 'waiting' && g.code)
  const bundleOptions = p.bundles.map((b) => ({ value: b.id, label: b.name }))
  const e = p.fieldErrors
  const toAccess = p.section === 'access' && !p.loading
  useEffect(() => {
    if (!toAccess) return
    // after the frame has focused the page's h1 (its effect runs after this one)
    const timer = setTimeout(() => {
      if (!focusById(ACCESS_HEADING_ID)) scrollToId(ACCESS_HEADING_ID)
    }, 0)
    return () => clearTimeout(timer)
  }, [toAccess])

  return (
    <View className='ui-page'>
      <BackLink onTap={p.onBack} />
      <Heading level={1}>授权与查看记录</Heading>
      <View className='ui-help'>服务大厅窗口工作人员或您的亲属，只有在您授权后才能查看您的信息、为您代办；您可以随时撤销授权。每一次查看和办理都会记录在下方，供您查阅。</View>
      {p.error ? (
        <Notice tone='error' live='alert'>
          {p.error}
        </Notice>
      ) : null}

      {waiting.map((g) => (
        <View key={g.id} className='ui-card ui-grant-code' aria-label='待窗口使用的授权码'>
          <Heading level={2}>请向窗口工作人员出示授权码</Heading>
          <View className='ui-help'>
            {g.scopeLabel} · {g.hallName} · {timeLeftText(g.expiresAt, p.now)}，只能使用一次
          </View>
          <Text className='ui-grant-code__digits' aria-label={`授权码 ${g.code!.split('').join(' ')}`}>
            {grouped(g.code!)}
          </Text>
          {g.qrText ? <QrCode text={g.qrText} label='授权码二维码，供窗口扫描' /> : <View className='ui-help'>（短信授权码：请读给提出请求的窗口工作人员）</View>}
          <AppButton variant='danger' onTap={() => p.onRevoke(g)} ariaLabel={`撤销授权：${g.scopeLabel}`}>
            撤销授权
          </AppButton>
        </View>
      ))}

      {p.received.length ? (
        <View className='ui-card'>
          <Heading level={2}>亲属请我帮办</Heading>
          {p.received.map((g) => {
            const who = g.citizen?.name ?? '亲属'
            return (
              <View key={g.id} className='ui-grant'>
                <View>
                  <Text className='ui-strong'>{who}</Text> 授权您帮办“{g.scopeLabel}”
                </View>
                <View className='ui-help'>
                  {timeLeftText(g.expiresAt, p.now)}
                  {g.proof ? ` · ${g.proof.registeredBy.hallName}窗口凭${WINDOW_PROOF[g.proof.kind]}登记` : ''}
                  {g.promiseAuthorised ? ' · 已书面授权您代为告知承诺' : ''}
                  {g.caseId ? ` · 已提交办件 ${g.caseId}` : ''}
                </View>
                {g.caseId ? (
                  <AppButton variant='secondary' onTap={() => p.onFollow(g)} ariaLabel={`查看办理进度：${who}的办件 ${g.caseId}`}>
                    查看办理进度
                  </AppButton>
                ) : (
                  <AppButton onTap={() => p.onActFor(g)} ariaLabel={`为${who}帮办${g.scopeLabel}`}>
                    为{who}帮办
                  </AppButton>
                )}
              </View>
            )
          })}
        </View>
      ) : null}

      <View className='ui-card'>
        <Heading level={2}>让窗口工作人员为我代办</Heading>
        <ChoiceGroup id='grant-bundle' legend='代办哪件事' options={bundleOptions} value={bundleId} onChange={(v) => setBundleId(v as string)} error={e['scope.bundleId']} />
        <ChoiceGroup
          id='grant-hall'
          legend='在哪个服务大厅办理'
          options={p.halls.map((h) => ({ value: h.id, label: h.name, help: h.address }))}
          value={hallId}
          onChange={(v) => setHallId(v as string)}
          error={e.hallId}
        />
        <ChoiceGroup
          id='grant-minutes'
          legend='授权有效时长'
          help='到时自动失效；办完后也可以立即撤销'
          options={GRANT_MINUTES.map((m) => ({ value: String(m), label: `${m} 分钟` }))}
          value={String(minutes)}
          onChange={(v) => setMinutes(Number(v))}
          error={e.minutes}
        />
        <PromiseConsent id='grant-promise' who='窗口工作人员' value={promise} onChange={setPromise} />
        <AppButton busy={p.busy} onTap={() => p.onWindowGrant({ bundleId, hallId, minutes, promiseAuthorised: promise })}>
          生成授权码
        </AppButton>
      </View>

      <View className='ui-card'>
        <Heading level={2}>亲情帮办：让亲属为我代办</Heading>
        <View className='ui-help'>亲属用自己的手机登录本应用后，可以为您填写和提交这件事；办件属于您，你们都能看到进度。亲属看不到您的其他信息。</View>
        <ChoiceGroup id='rel-bundle' legend='代办哪件事' options={bundleOptions} value={relBundleId} onChange={(v) => setRelBundleId(v as string)} error={e.relBundle} />
        <TextField id='rel-mobile' label='亲属的手机号码' kind='tel' value={mobile} onInput={setMobile} error={e.relativeMobile} help='亲属须已用这个手机号登录过本应用' />
        <ChoiceGroup id='rel-relation' legend='亲属与您的关系' options={RELATIONS.map((r) => ({ value: r, label: r }))} value={relation} onChange={(v) => setRelation(v as Relation)} error={e.relation} />
        <ChoiceGroup id='rel-days' legend='授权有效天数' options={RELATIVE_GRANT_DAYS.map((d) => ({ value: String(d), label: `${d} 天` }))} value={String(days)} onChange={(v) => setDays(Number(v))} error={e.days} />
        <PromiseConsent id='rel-promise' who='亲属' value={relPromise} onChange={setRelPromise} />
        <AppButton variant='secondary' busy={p.busy} onTap={() => p.onRelativeGrant({ bundleId: relBundleId, relativeMobile: mobile, relation, days, promiseAuthorised: relPromise })}>
          授权亲属代办
        </AppButton>
      </View>

      <View className='ui-card'>
        <Heading level={2}>我的授权</Heading>
        {p.loading ? <View className='ui-help'>正在读取…</View> : null}
        {!p.loading && p.grants.length === 0 ? <View className='ui-help'>您还没有授权任何人。</View> : null}
        {p.grants.map((g) => (
          <View key={g.id} className='ui-grant'>
            <View>
              <Text className='ui-strong'>{g.scopeLabel}</Text> · {GRANT_STATE_LABELS[g.state]}
              {g.state === 'waiting' || g.state === 'active' ? `（${timeLeftText(g.expiresAt, p.now)}）` : ''}
            </View>
            <View className='ui-help'>
              {granteeText(g)}
              {g.proof ? ` · ${g.proof.registeredBy.hallName}窗口凭${WINDOW_PROOF[g.proof.kind]}登记` : ''}
              {g.caseId ? ` · 已提交办件 ${g.caseId}` : ''}
            </View>
            {g.state === 'waiting' || g.state === 'active' ? (
              <AppButton variant='danger' onTap={() => p.onRevoke(g)} ariaLabel={`撤销${g.scopeLabel}的授权（${granteeText(g)}）`}>
                撤销
              </AppButton>
            ) : null}
          </View>
        ))}
      </View>

      <View className='ui-card'>
        <Heading level={2} id={ACCESS_HEADING_ID} focusable>
          谁查看了我的信息
        </Heading>
        {!p.loading && p.audit.length === 0 ? <View className='ui-help'>暂无记录。</View> : null}
        {p.audit.map((a) => (
          <View key={a.id} className='ui-audit'>
            <View>
              <Text className='ui-strong'>{formatTime(a.at, p.now)}</Text> {auditWho(a)}
            </View>
            <View>
              {AUDIT_ACTION_LABELS[a.action]}：{a.what}
              {a.record ? `（${a.record}）` : ''}
            </View>
            <View className='ui-help'>{auditBasisText(a.basis, a.purpose)}</View>
          </View>
        ))}
        <AppButton variant='link' onTap={p.onRefresh}>
          刷新
        </AppButton>
      </View>
    </View>
  )
}
