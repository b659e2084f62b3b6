// The platform client with every route, over Taro's transport with upload progress. Stores that only some pages
// need import it from here; the stores built at start reach it through app-platform.ts (H5: loaded late).
import { clientOptions } from './app-base'
import { createTaroTransport } from './http/taro-transport'
import { taroUpload } from './http/taro-upload'
import { createPlatformClient } from './platform'
import { createProgressRegistry, withUploadProgress } from './upload-transport'

export const uploadProgress = createProgressRegistry()
export const platform = createPlatformClient({ ...clientOptions, transport: withUploadProgress(createTaroTransport(taroUpload), uploadProgress) })
