// Writes src/styles/tokens.css from the design tokens in src/styles/tokens.ts (test/components/tokens.test.ts
// fails when the two differ).
import fs from 'node:fs'
import path from 'node:path'
import { tokensCss } from '../src/styles/tokens'

const file = path.resolve(__dirname, '..', 'src', 'styles', 'tokens.css')
fs.writeFileSync(file, tokensCss())
console.log(`wrote ${path.relative(process.cwd(), file)}`)
