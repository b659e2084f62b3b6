// A hall's open questions and a person's records are read from groups kept in step with every write, an undone
// transaction and a restart: the window's 30-second tally and a citizen's lists never scan the whole platform.
import { Collection, Disk, Store } from '../../mock/server/store'
import { tmpDir } from '../contract/support/harness'

interface Q {
  ownerId: string
  hallId: string
  status: 'open' | 'answered'
}
const groups = (q: Q) => [`owner:${q.ownerId}`, q.status === 'open' ? `open:${q.hallId}` : undefined]
const table = (dir: string) => {
  const store = new Store(dir, new Disk(dir))
  const questions = new Collection<Q>(store, 'questions', undefined, groups)
  // as the platform starts: records read, then the journal replayed
  questions.load(() => undefined)
  store.recover(() => undefined)
  return { store, questions }
}
const ids = (c: Collection<Q>, group: string) =>
  c
    .inGroup(group)
    .map((q) => `${q.ownerId}/${q.status}`)
    .sort()

test('a record joins and leaves its groups as it changes; an undone transaction leaves them as they were; a restart rebuilds them', () => {
  const dir = tmpDir('groups')
  const { store, questions } = table(dir)
  questions.set('Q1', { ownerId: 'u1', hallId: 'H1', status: 'open' })
  questions.set('Q2', { ownerId: 'u2', hallId: 'H1', status: 'open' })
  questions.set('Q3', { ownerId: 'u1', hallId: 'H2', status: 'open' })
  expect(ids(questions, 'open:H1')).toEqual(['u1/open', 'u2/open'])
  expect(ids(questions, 'owner:u1')).toEqual(['u1/open', 'u1/open'])

  // answered: out of the hall's open questions, still the asker's
  questions.set('Q1', { ownerId: 'u1', hallId: 'H1', status: 'answered' })
  expect(ids(questions, 'open:H1')).toEqual(['u2/open'])
  expect(ids(questions, 'owner:u1')).toEqual(['u1/answered', 'u1/open'])

  // a transaction that fails half-way: memory and groups are as before it
  expect(() =>
    store.transaction(() => {
      questions.set('Q2', { ownerId: 'u2', hallId: 'H1', status: 'answered' })
      questions.delete('Q3')
      throw new Error('refused')
    }),
  ).toThrow('refused')
  expect(ids(questions, 'open:H1')).toEqual(['u2/open'])
  expect(ids(questions, 'open:H2')).toEqual(['u1/open'])

  questions.delete('Q3')
  expect(questions.inGroup('open:H2')).toEqual([])

  // read back from the disk after a restart
  const again = table(dir).questions
  expect(ids(again, 'open:H1')).toEqual(['u2/open'])
  expect(ids(again, 'owner:u1')).toEqual(['u1/answered'])
  expect(again.inGroup('open:H2')).toEqual([])
})
