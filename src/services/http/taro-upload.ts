// Files sent with Taro.uploadFile (WeChat mini-program and H5): the platform client's transport takes it
// (services/app-client.ts); the catalogue's does not.
import Taro from '@tarojs/taro'
import { asText, toTransportError, type Upload } from './taro-transport'
import { TransportError, uploadFormData } from './transport'

export const taroUpload: Upload = async (req, body) => {
  let filePath = body.file.path
  let revoke: (() => void) | undefined
  if (process.env.TARO_ENV === 'h5' && !filePath && body.file.data && typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function') {
    // H5: Taro.uploadFile reads a blob: URL (a build-time check: WeChat has no Blob, and Taro's URL stand-in no blob: URLs)
    const d = body.file.data
    const blob = d instanceof Blob ? d : new Blob([d instanceof Uint8Array ? d : new Uint8Array(d)], { type: body.file.type })
    filePath = URL.createObjectURL(blob)
    revoke = () => URL.revokeObjectURL(filePath as string)
  }
  if (!filePath) throw new TransportError('offline', 'no file to upload')
  try {
    const headers = { ...req.headers }
    for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type') delete headers[k]
    const res = await Taro.uploadFile({
      url: req.url,
      filePath,
      name: 'file',
      fileName: body.file.name,
      header: headers,
      formData: uploadFormData(body),
      timeout: req.timeoutMs,
    } as Taro.uploadFile.Option)
    return { status: res.statusCode, headers: {}, body: asText(res.data) }
  } catch (e) {
    throw toTransportError(e)
  } finally {
    revoke?.()
  }
}
