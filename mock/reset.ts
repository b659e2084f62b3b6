// `npx tsx mock/reset.ts`: the data folder back to the fixtures (MOCK_DATA_DIR, default mock/.data).
import path from 'node:path'
import { resetDataDir } from './server/state'

const dataDir = path.resolve(__dirname, '..', process.env.MOCK_DATA_DIR ?? 'mock/.data')
void resetDataDir(dataDir).then(() => console.log(`模拟平台数据已重置：${path.relative(process.cwd(), dataDir) || dataDir}`))
