// The 补正 screen's store singleton: only that page loads the form validators and the file picker.
import { platform } from '@/services/app-client'
import { pickFiles } from '@/services/files'
import { createSupplementStore } from './supplement'

export const useSupplement = createSupplementStore({ client: platform, picker: pickFiles })
