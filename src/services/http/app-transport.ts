// H5: the app's requests over the browser's fetch (Taro.request on H5 is fetch with option handling the app does
// not use: 1.2 KB gzip less in the first load, and a timeout is reported as one); files by the upload given.
// WeChat uses Taro's transport (services/app.ts, app-client.ts); this module is not in its build.
import { createFetchTransport } from './fetch-transport'
import type { Upload } from './taro-transport'
import { TransportError, type Transport } from './transport'

export function createAppTransport(upload?: Upload): Transport {
  const send = createFetchTransport()
  return (req) => {
    if (req.body && typeof req.body !== 'string') return upload ? upload(req, req.body) : Promise.reject(new TransportError('offline', 'this transport sends no files'))
    return send(req)
  }
}
