// `npm start`: the mock platform and the H5 dev server together. The page reaches the mock at its own
// origin through the dev server's /api proxy (config/dev.ts). Ctrl+C stops both.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'

const mockPort = process.env.MOCK_PORT ?? '3100'
const h5Port = process.env.H5_PORT ?? '10086'
// the simulation controls' token: new at every start unless set
const adminToken = process.env.MOCK_ADMIN_TOKEN || randomBytes(18).toString('base64url')
const env = { ...process.env, MOCK_PORT: mockPort, H5_PORT: h5Port, MOCK_ADMIN_TOKEN: adminToken }
const children = []

function run(name, command, args, extraEnv = {}) {
  const child = spawn(command, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] })
  const prefix = `[${name}] `
  const forward = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(prefix + line + '\n')
    })
  forward(child.stdout, process.stdout)
  forward(child.stderr, process.stderr)
  child.on('exit', (code) => {
    console.log(`${prefix}exited (${code}); stopping.`)
    stop(code ?? 1)
  })
  children.push(child)
  return child
}

function stop(code) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM')
  process.exit(code)
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

run('mock', 'npx', ['tsx', 'mock/main.ts'])
const h5 = run('h5', 'npx', ['taro', 'build', '--type', 'h5', '--watch'], { NODE_ENV: 'development' })

let announced = false
h5.stdout.on('data', (chunk) => {
  if (!announced && /compiled|Compiled|编译成功/.test(chunk.toString())) {
    announced = true
    console.log(
      `\n  湖南一件事一次办 is running:\n    App (H5):       http://localhost:${h5Port}/\n    Mock platform:  http://127.0.0.1:${mockPort}/api/v1/health\n` +
        `  Development SMS code: 123456.\n  Simulation controls (reset, faults, clock; this machine only): X-Admin-Token: ${adminToken}\n  Ctrl+C stops both.\n`,
    )
  }
})
