// Messages to the applicant: every event goes to the app's 消息 centre; outside the app it goes as a WeChat
// subscription message when the citizen allowed that template (one message per 'accept'), else as an SMS.
// Nothing is sent anywhere: the outbox records what a real platform would send (GET /dev/outbox).
import { randomBytes } from 'node:crypto'
import { maskMobile } from '../../src/domain/mask'
import type { MessageKind, OutboxEntry, SubscriptionTopic } from '../../src/services/contract'
import templates from '../../config/subscribe-templates.json'
import type { Core } from './core'
import type { StoredCase } from './state'

export const SUBSCRIBE_TEMPLATES: Record<SubscriptionTopic, string> = templates

/** Which subscription template carries which event. */
const TOPIC_OF: Partial<Record<MessageKind, SubscriptionTopic>> = {
  accepted: 'accepted',
  rejected: 'accepted',
  payment: 'accepted',
  supplement: 'supplement',
  concluded: 'concluded',
  refused: 'concluded',
}

/** Events worth an SMS when no subscription carries them. */
const SMS_KINDS: MessageKind[] = ['accepted', 'rejected', 'supplement', 'payment', 'concluded', 'refused', 'pickup', 'red', 'rating-answered']

const id = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`

export function notify(core: Core, c: StoredCase, kind: MessageKind, title: string, body: string, atMs: number): void {
  const at = new Date(atMs).toISOString()
  const messageId = id('msg')
  core.state.messages.set(messageId, { id: messageId, ownerId: c.ownerId, caseId: c.id, kind, title, body, at, read: false })
  const user = core.state.users.get(c.ownerId)
  if (!user) return
  const topic = TOPIC_OF[kind]
  const templateId = topic ? SUBSCRIBE_TEMPLATES[topic] : undefined
  const sub = core.state.subscriptions.get(c.ownerId)
  let entry: OutboxEntry | undefined
  if (templateId && sub && (sub.credits[templateId] ?? 0) > 0) {
    core.state.subscriptions.set(c.ownerId, { ...sub, credits: { ...sub.credits, [templateId]: sub.credits[templateId] - 1 } })
    entry = { id: id('out'), at, channel: 'wechat-subscribe', to: `openid:${user.profile.userId}`, templateId, caseId: c.id, kind, text: `${title}：${body}` }
  } else if (SMS_KINDS.includes(kind)) {
    entry = { id: id('out'), at, channel: 'sms', to: maskMobile(user.profile.mobile), caseId: c.id, kind, text: `【湖南政务服务】${title}：${body}` }
  }
  if (entry) {
    core.state.outbox.set(entry.id, { ...entry, userId: c.ownerId })
    core.log.info(`${entry.channel === 'sms' ? '短信' : '订阅消息'}（模拟，未发送）→ ${entry.to}：${title}`)
  }
}

/** What the citizen answered in WeChat's subscription dialog: each 'accept' allows one message of that template. */
export function recordSubscription(core: Core, userId: string, answers: Record<string, string>): Record<string, number> {
  const known = new Set(Object.values(SUBSCRIBE_TEMPLATES))
  const sub = core.state.subscriptions.get(userId) ?? { userId, credits: {} }
  const credits = { ...sub.credits }
  for (const [templateId, answer] of Object.entries(answers)) if (known.has(templateId) && answer === 'accept') credits[templateId] = (credits[templateId] ?? 0) + 1
  core.state.subscriptions.set(userId, { userId, credits })
  return credits
}
