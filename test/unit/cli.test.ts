/** The command line, run as a user runs it (a child process through tsx). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../cli/corpus';
import { makeDsn } from '../helpers/mail';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(CORPUS_DIR, 'eml');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'classify.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'bounce-lens-cli-'));
const bounce = join(dir, 'bounce.eml');
writeFileSync(
  bounce,
  makeDsn({
    recipient: 'alice@example.com',
    status: '5.1.1',
    diagnostic: '550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown',
  }),
);
const ordinary = join(dir, 'hello.eml');
writeFileSync(
  ordinary,
  'From: Bob <bob@example.org>\nTo: alice@example.com\nSubject: lunch?\n\nI got a 550 5.1.1 from your old address yesterday, funny.\n',
);

describe('classify CLI', () => {
  it('--json: exactly one JSON object per input per line, with the documented fields', () => {
    const r = run(['--json', bounce, ordinary]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a.file).toBe(bounce);
    expect(a.isBounce).toBe(true);
    expect(a.recipients).toHaveLength(1);
    const rec = a.recipients[0];
    expect(rec).toMatchObject({
      recipient: 'alice@example.com',
      status: '5.1.1',
      replyCode: '550',
      reason: 'userunknown',
      bounce: 'hard',
      action: 'suppress',
    });
    expect(Array.isArray(rec.vendor)).toBe(true);
    expect(typeof rec.meaning).toBe('string');
    expect(rec.statusMeaning).toBe('Bad destination mailbox address');
    expect(b.file).toBe(ordinary);
    expect(b.isBounce).toBe(false);
    expect(b.recipients).toEqual([]);
  });

  it('a missing file: message on stderr, the others still processed, exit code 1', () => {
    const missing = join(dir, 'nope.eml');
    const r = run(['--json', missing, bounce]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nope.eml');
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.out).file).toBe(bounce);
  });

  it('"-" reads stdin; --policy changes the decision', () => {
    const raw = makeDsn({
      recipient: 'b@example.com',
      status: '5.7.1',
      diagnostic: '550 5.7.1 Message blocked for containing SPAM',
    });
    const rfc = JSON.parse(run(['--json', '-'], raw).out);
    const sinch = JSON.parse(run(['--json', '--policy', 'sinch', '-'], raw).out);
    expect(rfc.file).toBe('-');
    expect(rfc.recipients[0].bounce).toBe('hard');
    expect(sinch.recipients[0].bounce).toBe('soft');
    expect(sinch.policy).toBe('sinch');
  });

  it('--visible-text classifies only the human-readable part', () => {
    const r = run(['--json', '--visible-text', join(CORPUS, 'lhost-postfix-02.eml')]);
    const j = JSON.parse(r.out);
    expect(j.source).toBe('visible-text');
    expect(j.isBounce).toBe(true);
    expect(j.recipients.length).toBeGreaterThan(0);
  });

  it('a text file with no header block is read as pasted bounce text, with or without --visible-text', () => {
    // What Gmail shows of a bounce, saved as a text file (no headers): read as raw, it would not be
    // a message at all.
    const gmail = join(dir, 'gmail-bounce.txt');
    writeFileSync(
      gmail,
      [
        'Address not found',
        "Your message wasn't delivered to jane@example.com because the address couldn't be found, or is unable to receive mail.",
        'The response from the remote server was:',
        '550-5.1.1 The email account that you tried to reach does not exist. Please try',
        "550-5.1.1 double-checking the recipient's email address for typos or",
        '550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser - gsmtp',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['--json', gmail],
      ['--json', '--visible-text', gmail],
    ]) {
      const j = JSON.parse(run(args).out);
      expect(j.isBounce, args.join(' ')).toBe(true);
      expect(j.recipients).toHaveLength(1);
      expect(j.recipients[0]).toMatchObject({
        recipient: 'jane@example.com',
        status: '5.1.1',
        replyCode: '550',
        reason: 'userunknown',
        bounce: 'hard',
      });
    }
    // A lone pasted answer on stdin (seed 000: Vade's OXSUS001_403 means the user does not exist).
    const vade = JSON.parse(
      run(['--json', '-'], '550 5.7.1 Service unavailable; client [192.0.2.1] blocked OXSUS001_403\n').out,
    );
    expect(vade.isBounce).toBe(true);
    expect(vade.recipients[0]).toMatchObject({ status: '5.7.1', reason: 'userunknown', action: 'suppress' });
    // A text without a bounce in it stays "not a bounce".
    expect(JSON.parse(run(['--json', '-'], 'Lunch at noon?\n').out).isBounce).toBe(false);
  });

  it('without --json: a readable summary', () => {
    const r = run([bounce]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hard bounce');
    expect(r.out).toContain('alice@example.com');
    expect(r.out).toContain('5.1.1');
    expect(r.out).toContain('What to do: Remove the address from your lists');
  });

  it('bad options: usage on stderr, exit code 2', () => {
    expect(run(['--policy', 'strict', bounce]).code).toBe(2);
    expect(run([]).code).toBe(2);
    expect(run(['--frobnicate', bounce]).err).toContain('unknown option');
  });
});
