// 窗口工作台: sign-in, scanning or typing what the citizen shows (授权码 / QR, an SMS code, a case number), the
// citizen a grant opens (masked), the hall's cases waiting for 受理 and its live grants. Two columns on a
// window PC, one on a phone; every control is reachable by Tab and works with Enter.
import { Text, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { timeLeftText, type GrantView, type QueueCase } from '@/domain/assist'
import { slotText, type BookingView } from '@/domain/assist/booking'
import { formatTime } from '@/domain/datetime'
import { maskIdNumber, maskName } from '@/domain/mask'
import type { LicenceKind } from '@/domain/template/types'
import type { CaseRecord } from '@/domain/case/types'
import { CasePanel, type CasePanelProps } from './CasePanel'
import { DecisionPanel, type DecisionPanelProps } from './DecisionPanel'
import { WindowGrantForm, type WindowGrantFormProps } from './WindowGrantForm'
import { AppButton } from '../Button'
import { ChoiceGroup } from '../ChoiceGroup'
import { Heading } from '../Heading'
import { Notice } from '../Notice'
import { focusById, scrollToId } from '../reveal'
import { SampleMark } from '../SampleMark'
import { TextField } from '../TextField'

export interface StaffConsoleProps {
  now: string
  signedIn: boolean
  busy: boolean
  error?: string
  message?: string
  fieldErrors: Record<string, string>
  /** the clerk */
  staffName?: string
  /** a reviewer (审批人员) sees the hall's cases waiting for a decision and decides their matters */
  role?: 'staff' | 'reviewer'
  hall?: { name: string; window?: string }
  queue: QueueCase[]
  deciding: QueueCase[]
  onDecide: DecisionPanelProps['onDecide']
  grants: GrantView[]
  /** the citizen a grant opened: name and ID number (shown masked), their e-licences' list entries */
  subject?: { grant: GrantView; profile: { name: string; idNumber: string }; licences: { kind: LicenceKind; title: string; number: string }[] }
  current?: { record: CaseRecord; materials: CasePanelProps['materials'] }
  /** 一窗受理 of `current`: the panel's events and the notice to print */
  caseActions: Pick<CasePanelProps, 'notice' | 'onAccept' | 'onReject' | 'onSupplement' | 'onPrint' | 'onClose'>
  onOpenCase: (caseId: string) => void
  smsCode?: string
  bundles: { id: string; name: string }[]
  /** WeChat: the camera scanner (on H5 a USB scanner types into the box) */
  canScan: boolean
  onLogin: (account: string, password: string) => void
  onLogout: () => void
  onOpen: (text: string, mobile?: string) => void
  onScan: () => void
  onRequestSms: (mobile: string, bundleId: string | undefined) => void
  onUse: (grant: GrantView) => void
  onClose: () => void
  /** fills the application on this device with the citizen (the same guide and steps as in their app) */
  onFile: () => void
  /** 线上预填、线下办理: the booking `subject` was opened from (onFile then opens its prefilled application) */
  booking?: BookingView
  onRefresh: () => void
  /** 窗口登记授权 on paper (户口簿 / 授权委托书) */
  windowGrant?: Pick<WindowGrantFormProps, 'fieldErrors' | 'proof' | 'registered' | 'onPickProof' | 'onRegister'>
  /** the window's 在线咨询 desk (./ConsultDesk) */
  consult?: ReactNode
  /** the hall's open 在线咨询 as last polled, in the side column (去答复 goes to the desk) */
  consultTally?: { open: number; overdue: number }
}

function SignIn({ busy, error, fieldErrors, onLogin }: Pick<StaffConsoleProps, 'busy' | 'error' | 'fieldErrors' | 'onLogin'>) {
  const [account, setAccount] = useState('')
  const [password, setPassword] = useState('')
  return (
    <View className='ui-card ui-staff__signin'>
      <Heading level={2}>工作人员登录</Heading>
      {error ? (
        <Notice tone='error' live='alert'>
          {error}
        </Notice>
      ) : null}
      <TextField id='staff-account' label='工作账号' value={account} onInput={setAccount} error={fieldErrors.account} autoComplete='username' />
      <TextField id='staff-password' label='密码' password value={password} onInput={setPassword} error={fieldErrors.password} autoComplete='current-password' onConfirm={() => onLogin(account, password)} />
      <AppButton busy={busy} onTap={() => onLogin(account, password)}>
        登录
      </AppButton>
    </View>
  )
}

export function StaffConsole(p: StaffConsoleProps) {
  const [scan, setScan] = useState('')
  const [smsMobile, setSmsMobile] = useState('')
  const [askMobile, setAskMobile] = useState('')
  const [askBundle, setAskBundle] = useState<string>()
  if (!p.signedIn)
    return (
      <View className='ui-page ui-staff'>
        <Heading level={1}>窗口工作台</Heading>
        <SignIn busy={p.busy} error={p.error} fieldErrors={p.fieldErrors} onLogin={p.onLogin} />
      </View>
    )

  const open = () => p.onOpen(scan)
  if (p.role === 'reviewer') return <ReviewerDesk {...p} scan={scan} setScan={setScan} />
  const s = p.subject
  return (
    <View className='ui-page ui-staff'>
      <Bar {...p} title='窗口工作台' />

      <View className='ui-staff__cols'>
        <View className='ui-staff__main'>
          <View className='ui-card'>
            <Heading level={2}>扫码或输入</Heading>
            <TextField
              id='scan'
              label='授权码、短信授权码、预约号或办件编号'
              help='扫码枪扫描后自动确认；也可以手动输入后按回车'
              value={scan}
              onInput={setScan}
              onConfirm={open}
              error={p.fieldErrors.scan ?? p.fieldErrors.code}
            />
            <OpenButtons busy={p.busy} canScan={p.canScan} onOpen={open} onScan={p.onScan} />
            {p.smsCode ? (
              <View>
                <TextField id='sms-mobile' label='短信发往的手机号码' kind='tel' value={smsMobile} onInput={setSmsMobile} onConfirm={() => p.onOpen(p.smsCode!, smsMobile)} error={p.fieldErrors.mobile} />
                <AppButton busy={p.busy} onTap={() => p.onOpen(p.smsCode!, smsMobile)}>
                  核对短信授权码
                </AppButton>
              </View>
            ) : null}
          </View>

          {s ? (
            <View className='ui-card ui-staff__subject' aria-label='当前申请人'>
              <Notice tone='info' live='status'>
                正在为 {maskName(s.profile.name)} 代办：{s.grant.scopeLabel}
              </Notice>
              <View>
                申请人：<Text className='ui-strong'>{maskName(s.profile.name)}</Text> · 身份证 {maskIdNumber(s.profile.idNumber)}
              </View>
              <View className='ui-help'>
                授权{timeLeftText(s.grant.expiresAt, p.now)}
                {s.grant.promiseAuthorised ? ' · 已书面授权代为告知承诺' : ' · 未授权代为告知承诺'}
              </View>
              {p.booking ? (
                <View className='ui-help'>
                  预约号 {p.booking.id} <SampleMark /> · {slotText(p.booking.start)} · 已在线预填申请，请核验原件后请申请人签名提交
                </View>
              ) : null}
              <Heading level={3}>申请人的电子证照</Heading>
              {s.licences.length === 0 ? <View className='ui-help'>申请人没有可调用的电子证照，请核验纸质原件。</View> : null}
              {s.licences.map((l) => (
                <View key={l.kind}>
                  {l.title} · {l.number}
                </View>
              ))}
              <View className='ui-inline'>
                {s.grant.scope.kind === 'bundle' && !s.grant.caseId ? <AppButton onTap={p.onFile}>{p.booking ? '打开预填的申请' : '开始填写申请'}</AppButton> : null}
                {s.grant.caseId ? <View className='ui-help'>已提交办件 {s.grant.caseId}</View> : null}
                <AppButton variant='secondary' onTap={p.onClose}>
                  结束代办
                </AppButton>
              </View>
            </View>
          ) : null}

          {p.current ? <CasePanel now={p.now} record={p.current.record} materials={p.current.materials} hallName={p.hall?.name} staffName={p.staffName} busy={p.busy} fieldErrors={p.fieldErrors} {...p.caseActions} /> : null}

          {p.consult}
        </View>

        <View className='ui-staff__side'>
          {p.consultTally ? (
            <View className='ui-card' aria-label='在线咨询待答复'>
              <View className='ui-inline'>
                <View>
                  在线咨询待答复 <Text className='ui-strong'>{p.consultTally.open}</Text> 条{p.consultTally.overdue ? `，其中 ${p.consultTally.overdue} 条已超期` : ''}
                </View>
                {p.consultTally.open ? (
                  <AppButton
                    variant='secondary'
                    onTap={() => {
                      scrollToId('consult-desk')
                      focusById('consult-desk-title')
                    }}
                  >
                    去答复
                  </AppButton>
                ) : null}
              </View>
            </View>
          ) : null}
          <QueueCard title='本厅待受理' empty='暂无待受理的办件。' action='受理审查' cases={p.queue} now={p.now} onOpenCase={p.onOpenCase} onRefresh={p.onRefresh} />

          <View className='ui-card'>
            <Heading level={2}>本厅有效授权</Heading>
            {p.grants.length === 0 ? <View className='ui-help'>暂无。申请人出示授权码后会显示在这里。</View> : null}
            {p.grants.map((g) => (
              <View key={g.id} className='ui-grant'>
                <View>
                  {g.citizen?.name}（{g.citizen?.idNumber}）· {g.scopeLabel}
                </View>
                <View className='ui-help'>{timeLeftText(g.expiresAt, p.now)}</View>
                <AppButton variant='secondary' onTap={() => p.onUse(g)} ariaLabel={`为${g.citizen?.name ?? '申请人'}办理${g.scopeLabel}`}>
                  办理
                </AppButton>
              </View>
            ))}
          </View>

          <View className='ui-card'>
            <Heading level={2}>申请人没有带手机？发送短信授权码</Heading>
            <TextField id='ask-mobile' label='申请人的手机号码' kind='tel' value={askMobile} onInput={setAskMobile} error={p.fieldErrors.mobile} />
            <ChoiceGroup id='ask-bundle' legend='代办哪件事' options={p.bundles.map((b) => ({ value: b.id, label: b.name }))} value={askBundle} onChange={(v) => setAskBundle(v as string)} error={p.fieldErrors.bundleId} />
            <AppButton variant='secondary' busy={p.busy} onTap={() => p.onRequestSms(askMobile, askBundle)}>
              发送短信授权码
            </AppButton>
          </View>

          {p.windowGrant ? <WindowGrantForm now={p.now} busy={p.busy} bundles={p.bundles} {...p.windowGrant} /> : null}
        </View>
      </View>
    </View>
  )
}

function Bar(p: StaffConsoleProps & { title: string }) {
  return (
    <View>
      <View className='ui-staff__bar'>
        <Heading level={1}>{p.title}</Heading>
        <View className='ui-help'>
          {[p.hall?.name, p.hall?.window].filter(Boolean).join(' ')} · {p.staffName}
        </View>
        <AppButton variant='link' onTap={p.onLogout}>
          退出登录
        </AppButton>
      </View>
      {p.error ? (
        <Notice tone='error' live='alert'>
          {p.error}
        </Notice>
      ) : null}
      {p.message ? (
        <Notice tone='success' live='status'>
          {p.message}
        </Notice>
      ) : null}
    </View>
  )
}

/** 审批工作台: the hall's cases waiting for a decision, a case number typed or scanned, and the decision panel. */
function ReviewerDesk(p: StaffConsoleProps & { scan: string; setScan: (v: string) => void }) {
  const open = () => p.onOpen(p.scan)
  return (
    <View className='ui-page ui-staff'>
      <Bar {...p} title='审批工作台' />
      <View className='ui-staff__cols'>
        <View className='ui-staff__main'>
          <View className='ui-card'>
            <Heading level={2}>打开办件</Heading>
            <TextField id='scan' label='办件编号' help='扫描受理通知书上的二维码，或输入办件编号后按回车' value={p.scan} onInput={p.setScan} onConfirm={open} error={p.fieldErrors.scan} />
            <OpenButtons busy={p.busy} canScan={p.canScan} onOpen={open} onScan={p.onScan} />
          </View>
          {p.current ? <DecisionPanel now={p.now} record={p.current.record} busy={p.busy} fieldErrors={p.fieldErrors} onDecide={p.onDecide} onClose={p.caseActions.onClose} /> : null}
        </View>
        <View className='ui-staff__side'>
          <QueueCard title='本厅待审批' empty='暂无待审批的办件。' action='审批' cases={p.deciding} now={p.now} onOpenCase={p.onOpenCase} onRefresh={p.onRefresh} />
        </View>
      </View>
    </View>
  )
}

/** a queue of the hall's cases (masked), each opened by its button */
function QueueCard(p: { title: string; empty: string; action: string; cases: QueueCase[]; now: string; onOpenCase: (id: string) => void; onRefresh: () => void }) {
  return (
    <View className='ui-card'>
      <Heading level={2}>
        {p.title}（{p.cases.length}）
      </Heading>
      {p.cases.length === 0 ? <View className='ui-help'>{p.empty}</View> : null}
      {p.cases.map((c) => (
        <View key={c.id} className='ui-grant'>
          <View>
            <Text className='ui-strong'>{c.id}</Text> {c.bundleName}
          </View>
          <View className='ui-help'>
            {c.applicantName}（{c.applicantIdNumber}）· {formatTime(c.submittedAt, p.now)}
            {c.filedBy ? ` · 代办：${c.filedBy}` : ''}
          </View>
          <AppButton variant='secondary' onTap={() => p.onOpenCase(c.id)} ariaLabel={`${p.action} ${c.id}`}>
            {p.action}
          </AppButton>
        </View>
      ))}
      <AppButton variant='link' onTap={p.onRefresh}>
        刷新
      </AppButton>
    </View>
  )
}

/** 打开 what was typed; on WeChat also 扫一扫 with the camera */
function OpenButtons(p: { busy: boolean; canScan: boolean; onOpen: () => void; onScan: () => void }) {
  return (
    <View className='ui-inline'>
      <AppButton busy={p.busy} onTap={p.onOpen}>
        打开
      </AppButton>
      {p.canScan ? (
        <AppButton variant='secondary' onTap={p.onScan}>
          扫一扫
        </AppButton>
      ) : null}
    </View>
  )
}
