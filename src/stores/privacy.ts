// WeChat's privacy authorisation (隐私保护指引, base library ≥ 2.32.3): when the app calls a personal-information
// API (the phone-number button, photos, files from a chat) before the citizen agreed, WeChat holds the call and
// asks the app (wx.onNeedPrivacyAuthorization). The app shows its own prompt; the citizen's answer lets the call
// go on or makes it fail.
import { create } from 'zustand'

export type PrivacyAnswer = { event: 'agree'; buttonId: string } | { event: 'disagree' }

export interface PrivacyState {
  /** the API waiting for the citizen's answer (WeChat's name for it), if any */
  pending?: { referrer: string }
  /** WeChat asks: show the prompt until the citizen answers */
  ask(referrer: string, resolve: (answer: PrivacyAnswer) => void): void
  /** the citizen tapped the agree button (`buttonId`, an open-type=agreePrivacyAuthorization button) */
  agree(buttonId: string): void
  disagree(): void
}

export function createPrivacyStore() {
  let waiting: ((answer: PrivacyAnswer) => void)[] = []
  const answer = (a: PrivacyAnswer) => {
    const all = waiting
    waiting = []
    for (const resolve of all) resolve(a)
  }
  return create<PrivacyState>()((set) => ({
    pending: undefined,
    ask(referrer, resolve) {
      waiting.push(resolve)
      set({ pending: { referrer } })
    },
    agree(buttonId) {
      set({ pending: undefined })
      answer({ event: 'agree', buttonId })
    },
    disagree() {
      set({ pending: undefined })
      answer({ event: 'disagree' })
    },
  }))
}

/** what the citizen is about to do, by the API WeChat names */
export function privacyPurpose(referrer: string): string {
  if (/PhoneNumber/i.test(referrer)) return '使用手机号快捷登录'
  if (/chooseMedia|chooseImage|chooseVideo/.test(referrer)) return '拍摄或从相册选择材料照片'
  if (/chooseMessageFile/.test(referrer)) return '从微信聊天中选择材料文件'
  return '使用这项功能'
}
