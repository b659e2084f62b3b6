// H5: the routes the stores built at start need only once someone is signed in (or signs in). They load the full
// client (app-client.ts) with their first call, so a visitor's first load goes without it.
// app-platform.weapp.ts: WeChat has the client in the package.
import type { PlatformClient } from './platform'

const load = () => import('./app-client').then((m) => m.platform)

/** a route of the full client, called once it has loaded (a failed load is the call's failure) */
function later<K extends keyof PlatformClient>(name: K): PlatformClient[K] {
  return ((...args: unknown[]) => load().then((client) => (client[name] as (...a: unknown[]) => unknown)(...args))) as PlatformClient[K]
}

export const sessionClient: Pick<PlatformClient, 'me' | 'myFirms' | 'listLicences' | 'consentLicence' | 'openDeceasedRecord' | 'sharedRecord' | 'loginWechat' | 'loginWechatPhone' | 'sendSmsCode' | 'loginSms' | 'logout' | 'refresh'> = {
  me: later('me'),
  myFirms: later('myFirms'),
  listLicences: later('listLicences'),
  consentLicence: later('consentLicence'),
  openDeceasedRecord: later('openDeceasedRecord'),
  sharedRecord: later('sharedRecord'),
  loginWechat: later('loginWechat'),
  loginWechatPhone: later('loginWechatPhone'),
  sendSmsCode: later('sendSmsCode'),
  loginSms: later('loginSms'),
  logout: later('logout'),
  refresh: later('refresh'),
}

export const messageClient: Pick<PlatformClient, 'listMessages' | 'markMessagesRead' | 'subscribe'> = {
  listMessages: later('listMessages'),
  markMessagesRead: later('markMessagesRead'),
  subscribe: later('subscribe'),
}
