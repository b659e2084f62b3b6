// 消息: every event of the citizen's cases, newest first, with the unread count the home page shows.
import { create } from 'zustand'
import type { CaseMessage, SubscriptionTopic } from '@/services/contract'
import type { PlatformClient } from '@/services/platform'
import { isPlatformError } from '@/services/platform/errors'
import templates from '../../config/subscribe-templates.json'

/** WeChat subscription message templates (受理结果, 补正通知, 办结通知): ids from config/subscribe-templates.json. */
export const SUBSCRIBE_TEMPLATES: Record<SubscriptionTopic, string> = templates

export type MessageClient = Pick<PlatformClient, 'listMessages' | 'markMessagesRead' | 'subscribe'>

export interface MessageState {
  messages: CaseMessage[]
  unread: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  error?: string
  load(): Promise<void>
  /** marks one message read (opening it) or all of them */
  markRead(ids?: string[]): Promise<void>
  /** what the citizen answered in WeChat's subscription dialog, told to the platform */
  subscribe(answers: Record<string, string>): Promise<void>
  reset(): void
}

export function createMessageStore(client: MessageClient) {
  return create<MessageState>()((set, get) => ({
    messages: [],
    unread: 0,
    status: 'idle',
    async load() {
      set({ status: get().messages.length ? 'ready' : 'loading' })
      try {
        const res = await client.listMessages()
        set({ messages: res.messages, unread: res.unread, status: 'ready', error: undefined })
      } catch (e) {
        set({ status: 'error', error: isPlatformError(e) ? e.message : '暂时无法读取消息，请稍后重试' })
      }
    },
    async markRead(ids) {
      const target = new Set(ids ?? get().messages.map((m) => m.id))
      // shown read at once; the platform is told in the background
      const messages = get().messages.map((m) => (target.has(m.id) ? { ...m, read: true } : m))
      set({ messages, unread: messages.filter((m) => !m.read).length })
      try {
        await client.markMessagesRead(ids)
      } catch {
        // the next load shows the platform's state again
      }
    },
    async subscribe(answers) {
      const known = Object.values(SUBSCRIBE_TEMPLATES)
      const mine = Object.fromEntries(Object.entries(answers).filter(([k, v]) => known.includes(k) && ['accept', 'reject', 'ban', 'filter'].includes(v))) as Record<string, 'accept' | 'reject' | 'ban' | 'filter'>
      if (!Object.keys(mine).length) return
      try {
        await client.subscribe({ answers: mine })
      } catch {
        // without it the platform falls back to SMS: nothing for the citizen to do
      }
    },
    reset: () => set({ messages: [], unread: 0, status: 'idle', error: undefined }),
  }))
}

export type MessageStore = ReturnType<typeof createMessageStore>
