// The platform client with every route, over fetch on H5 (http/app-transport.ts), Taro's transport on WeChat, with upload progress.
// Stores that only some pages need import it from here; the stores built at start reach it through
// app-platform.ts (H5: loaded late).
import { clientOptions } from './app-base'
import { createAppTransport } from './http/app-transport'
import { createTaroTransport } from './http/taro-transport'
import { taroUpload } from './http/taro-upload'
import { createPlatformClient } from './platform'
import { createProgressRegistry, withUploadProgress } from './upload-transport'

export const uploadProgress = createProgressRegistry()
export const platform = createPlatformClient({ ...clientOptions, transport: withUploadProgress(process.env.TARO_ENV === 'h5' ? createAppTransport(taroUpload) : createTaroTransport(taroUpload), uploadProgress) })
