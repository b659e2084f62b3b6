// WeChat: the stores built at start use the client in the package (app-platform.ts loads it late on H5).
export { platform as sessionClient, platform as messageClient } from './app-client'
