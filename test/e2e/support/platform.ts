// Starts the real mock platform (its CLI) serving the production H5 build at the same origin, on loopback.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const repoRoot = path.resolve(__dirname, '..', '..', '..')
/** The simulation controls' token the browser tests start the mock with (it is random otherwise). */
export const ADMIN_TOKEN = 'e2e-admin-token'

export interface RunningPlatform {
  url: string
  dataDir: string
  logs: () => string
  stop: () => Promise<void>
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** `env` goes to the mock's process; MOCK_STATIC_DIR there serves another build than dist/h5. */
export async function startPlatform(env: Record<string, string> = {}): Promise<RunningPlatform> {
  const staticDir = env.MOCK_STATIC_DIR ?? path.join(repoRoot, 'dist', 'h5')
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(`${path.relative(repoRoot, staticDir)} is missing: run \`npm run build:h5\` first.`)
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-e2e-'))
  let output = ''
  const child: ChildProcess = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'mock/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, MOCK_PORT: String(port), MOCK_HOST: '127.0.0.1', MOCK_DATA_DIR: dataDir, MOCK_STATIC_DIR: staticDir, MOCK_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`mock platform exited early:\n${output}`)
    try {
      const response = await fetch(`${url}/api/v1/health`)
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`mock platform did not start in 30 s:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  return {
    url,
    dataDir,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((resolve) => child.once('exit', resolve))
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
