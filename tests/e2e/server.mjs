// Starts a throwaway npgov server for the browser tests:
// temp dir → npgov.toml → db migrate / seed-reference / seed-demo → serve on a free port.
//
// Environment:
//   NPGOV_BIN       path to the built server executable (required unless NPGOV_BASE_URL is set;
//                   defaults to build/release/apps/npgov/npgov, then build/debug/..., when one exists)
//   NPGOV_BASE_URL  use an already running server instead of starting one (e.g. http://127.0.0.1:8080)
//   NPGOV_E2E_KEEP  keep the temp dir (database, logs) after the run
import { spawn, execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)
const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(here, '../..')
export const webDist = join(repoRoot, 'web', 'dist')

function serverBinary() {
  if (process.env.NPGOV_BIN) return resolve(process.env.NPGOV_BIN)
  for (const preset of ['release', 'debug']) {
    const candidate = join(repoRoot, 'build', preset, 'apps', 'npgov', 'npgov')
    if (existsSync(candidate)) return candidate
  }
  throw new Error('NPGOV_BIN is not set (path to the built npgov server), and build/{release,debug}/apps/npgov/npgov does not exist')
}

function tomlString(value) {
  return JSON.stringify(value) // a TOML basic string has the same escaping as JSON for paths
}

export async function startServer({ timeoutMs = 30000 } = {}) {
  if (process.env.NPGOV_BASE_URL) {
    return { baseUrl: process.env.NPGOV_BASE_URL.replace(/\/$/, ''), stop: async () => {} }
  }
  const bin = serverBinary()
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`${webDist}/index.html is missing: run "npm run build" in web/ first`)
  }

  const dir = mkdtempSync(join(tmpdir(), 'npgov-e2e-'))
  const config = join(dir, 'npgov.toml')
  writeFileSync(
    config,
    [
      '[database]',
      `url = ${tomlString(`sqlite:${join(dir, 'npgov.db')}`)}`,
      '[server]',
      'host = "127.0.0.1"',
      'port = 0',
      `web_root = ${tomlString(webDist)}`,
      '',
    ].join('\n'),
  )

  for (const step of [['db', 'migrate'], ['db', 'seed-reference'], ['db', 'seed-demo']]) {
    try {
      // cwd = repo root: seed-reference reads the CSV files under data/.
      await execFileAsync(bin, ['--config', config, ...step], { cwd: repoRoot, timeout: 120000 })
    } catch (e) {
      throw new Error(`"npgov ${step.join(' ')}" failed (exit ${e.code}):\n${e.stdout || ''}${e.stderr || ''}`)
    }
  }

  const log = createWriteStream(join(dir, 'serve.log'))
  const child = spawn(bin, ['--config', config, 'serve'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })))
  child.stderr.pipe(log)

  const baseUrl = await new Promise((resolveUrl, reject) => {
    let buffer = ''
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`npgov serve did not print "listening on http://127.0.0.1:PORT" within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    child.stdout.on('data', (chunk) => {
      const text = chunk.toString()
      log.write(text)
      output += text
      buffer += text
      const match = buffer.match(/listening on (http:\/\/127\.0\.0\.1:(\d+))/)
      if (match) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    })
    child.stderr.on('data', (chunk) => {
      output += chunk.toString()
    })
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`npgov serve exited early (code ${code}, signal ${signal}):\n${output}`))
    })
  })

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000)
      await exited
      clearTimeout(timer)
    }
    log.end()
    if (!process.env.NPGOV_E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  }

  return { baseUrl, stop, dir }
}
