// The upload store singleton, for the materials page only: the picker and the upload queue stay out of the
// first load (src/stores/app.ts).
import { platform, uploadProgress } from '@/services/app-client'
import { pickFiles } from '@/services/files'
import { useDrafts } from './app'
import { createUploadStore } from './uploads'

export const useUploads = createUploadStore({ client: platform, drafts: useDrafts, picker: pickFiles, progress: uploadProgress })
