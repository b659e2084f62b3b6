// The app's transport. H5: requests over the browser's fetch (Taro.request on H5 is fetch with option handling
// the app does not use: 1.2 KB gzip less in the first load, and a timeout is reported as one); WeChat: Taro.request
// (wx.request). Files go by the upload given.
import { createFetchTransport } from './fetch-transport'
import { createTaroTransport, type Upload } from './taro-transport'
import { TransportError, type Transport } from './transport'

export function createAppTransport(upload?: Upload): Transport {
  if (process.env.TARO_ENV !== 'h5') return createTaroTransport(upload)
  const send = createFetchTransport()
  return (req) => {
    if (req.body && typeof req.body !== 'string') return upload ? upload(req, req.body) : Promise.reject(new TransportError('offline', 'this transport sends no files'))
    return send(req)
  }
}
