// WeChat: the app's requests over Taro.request (wx.request), files by the upload given (app-transport.ts: H5).
import { createTaroTransport, type Upload } from './taro-transport'
import type { Transport } from './transport'

export function createAppTransport(upload?: Upload): Transport {
  return createTaroTransport(upload)
}
