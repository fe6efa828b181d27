/**
 * The Outlook on the web adapter against every fixture page (test/fixtures/outlook), plus the
 * pieces it is made of: sender parsing, ids from the URL, the theme. The body text walker and the
 * colour parsing are shared with Gmail: test/unit/webmail/text.test.ts and color.test.ts.
 */
import { checkSync } from 'recheck';
import { afterAll, describe, expect, it } from 'vitest';
import outlookContentScript from '../../../entrypoints/outlook.content/index';
import type { OpenMessage } from '../../../webmail/adapter';
import {
  findAddress,
  itemIdFromUrl,
  OUTLOOK_HOSTS,
  OUTLOOK_MATCHES,
  OUTLOOK_REGEXES,
  outlookAdapter,
  outlookTheme,
  parseSender,
  SELECTORS,
} from '../../../webmail/outlook';
import {
  bodyOf,
  closeWindows,
  FIXTURES,
  fixtureHtml,
  loadFixture,
  loadPage,
  type OutlookFixture,
} from './outlook-fixtures';

afterAll(closeWindows);

const byFile = (file: string): OutlookFixture => {
  const f = FIXTURES.find((x) => x.file === file);
  if (!f) throw new Error(`no fixture ${file}`);
  return f;
};

const open = (doc: Document): OpenMessage[] => outlookAdapter.findOpenMessages(doc);

describe('fixture set', () => {
  it('covers the cases the issue names', () => {
    const files = FIXTURES.map((f) => f.file);
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const host of OUTLOOK_HOSTS)
      expect(FIXTURES.some((f) => new URL(f.url).hostname === host)).toBe(true);
    for (const lang of ['de', 'fr', 'es', 'it', 'pt', 'nl', 'ja'])
      expect(FIXTURES.some((f) => f.lang === lang)).toBe(true);
    expect(FIXTURES.some((f) => f.layout === 'full-window')).toBe(true);
    expect(FIXTURES.some((f) => f.theme === 'dark')).toBe(true);
    expect(FIXTURES.some((f) => f.open.length > 1)).toBe(true);
    expect(FIXTURES.filter((f) => f.open.some((m) => !m.classify.isBounce)).length).toBeGreaterThanOrEqual(4);
  });

  it('pages are self-contained: source note, language, no script, no remote resource', () => {
    for (const f of FIXTURES) {
      const html = fixtureHtml(f.file);
      expect(html).toContain('Bounce Lens test fixture');
      expect(html).toContain(`<html lang="${f.lang}"`);
      // No page asks another host for anything: images go through the page's own origin.
      expect(html).not.toMatch(/\ssrc="(?:https?:)?\/\//);
      expect(html).not.toMatch(/<script\b/i);
    }
  });
});

describe.each(FIXTURES.map((f) => [f.file, f] as const))('%s', (_file, f) => {
  it('finds exactly the open messages', () => {
    const doc = loadFixture(f);
    const msgs = open(doc);
    expect(msgs).toHaveLength(f.open.length);
    for (const m of msgs) {
      expect(m.body.id.startsWith('UniqueMessageBody')).toBe(true);
      expect(m.root.contains(m.body)).toBe(true);
      expect(m.body.closest(SELECTORS.editable)).toBeNull();
    }
  });

  it('reads text, subject and sender as Outlook shows them', () => {
    const doc = loadFixture(f);
    const msgs = open(doc);
    msgs.forEach((m, i) => {
      const want = f.open[i];
      if (!want) throw new Error('manifest mismatch');
      const v = outlookAdapter.readVisible(m);
      expect(v.subject).toBe(want.subject);
      expect(v.from).toBe(want.from);
      expect(v.fromName).toBe(want.fromName);
      for (const s of want.textIncludes) expect(v.text).toContain(s);
      for (const s of want.textExcludes) expect(v.text).not.toContain(s);
      // Only the body: none of Outlook's own chrome (translated labels) leaks into the text.
      for (const label of ['aria-label', 'data-icon-name', 'rps_']) expect(v.text).not.toContain(label);
      expect(v.text).not.toMatch(/^\n|\s$/);
    });
  });

  it('gives keys that are distinct, stable across scans and across a re-render', () => {
    const first = open(loadFixture(f)).map((m) => m.key);
    const doc = loadFixture(f);
    const again = open(doc).map((m) => m.key);
    expect(again).toEqual(first);
    expect(open(doc).map((m) => m.key)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    first.forEach((key, i) => {
      const want = f.open[i];
      if (!want) throw new Error('manifest mismatch');
      expect(key.startsWith('outlook:')).toBe(true);
      if (want.msgId.length >= 12) expect(key).toContain(`m=${want.msgId}`);
      else expect(key).toContain(`i=${itemIdFromUrl(doc)}`);
    });
  });

  it('reads the theme from what the page paints', () => {
    expect(outlookAdapter.theme(loadFixture(f))).toBe(f.theme);
  });

  it('puts the badge beside the subject (one message) or in the message header (several)', () => {
    const doc = loadFixture(f);
    const msgs = open(doc);
    for (const m of msgs) {
      const slot = outlookAdapter.badgeSlot(m);
      const pane = m.root.closest('[data-app-section="MailReadCompose"]');
      const heading = pane?.querySelector(`${SELECTORS.subject}, ${SELECTORS.subjectFallback}`);
      if (msgs.length === 1) {
        expect(slot.parent).toBe(heading?.parentElement);
        expect(slot.before).toBe(heading?.nextSibling ?? null);
      } else {
        const from = m.root.querySelector(SELECTORS.from);
        expect(slot.parent).toBe(from?.parentElement);
        expect(slot.before).toBe(from?.nextSibling ?? null);
      }
      // Inserting the badge host there changes nothing the adapter reads.
      const host = doc.createElement('bounce-lens-badge');
      host.textContent = 'Hard bounce 550 5.1.1 Delivery has failed';
      slot.parent.insertBefore(host, slot.before);
    }
    const after = open(doc);
    expect(after.map((m) => m.key)).toEqual(msgs.map((m) => m.key));
    for (const m of after) expect(outlookAdapter.readVisible(m).text).not.toContain('Hard bounce');
  });

  it('matches the page URL', () => {
    expect(outlookAdapter.matches(new URL(f.url))).toBe(true);
  });
});

describe('keys across all fixtures', () => {
  it('are unique (two different messages never share a key)', () => {
    const keys = FIXTURES.flatMap((f) => open(loadFixture(f)).map((m) => m.key));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('change when counter ids stay the same but the opened item changes (URL)', () => {
    const f = byFile('business-display-name-5.1.8.html');
    const a = open(loadFixture(f))[0]?.key;
    const b = open(loadFixture(f, f.url.replace('Biz05', 'Biz99')))[0]?.key;
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(a).not.toBe(b);
  });

  it('stay the same when the URL changes within a conversation with real ids', () => {
    const f = byFile('conversation-multi.html');
    const a = open(loadFixture(f)).map((m) => m.key);
    const b = open(
      loadFixture(f, 'https://outlook.office.com/mail/inbox/id/AAMkSomethingElseEntirely%3D'),
    ).map((m) => m.key);
    expect(b).toEqual(a);
  });
});

describe('matches', () => {
  it('accepts the four Outlook hosts over https only', () => {
    expect(OUTLOOK_MATCHES).toEqual([
      'https://outlook.live.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.cloud.microsoft/*',
    ]);
    const declared = outlookContentScript.matches;
    expect(Array.isArray(declared) ? [...declared].sort() : declared).toEqual([...OUTLOOK_MATCHES].sort());
    for (const h of OUTLOOK_HOSTS) expect(outlookAdapter.matches(new URL(`https://${h}/mail/0/`))).toBe(true);
    for (const u of [
      'http://outlook.live.com/mail/',
      'https://mail.google.com/mail/u/0/',
      'https://outlook.live.com.evil.example/mail/',
      'https://evil-outlook.office.com/mail/',
      'https://outlook.com/',
    ]) {
      expect(outlookAdapter.matches(new URL(u))).toBe(false);
    }
  });
});

describe('which messages are open', () => {
  it('skips a draft whose body sits in an editor, and keeps the rest of the conversation', () => {
    const doc = loadFixture(byFile('conversation-multi.html'));
    const all = doc.querySelectorAll(SELECTORS.body);
    expect(all).toHaveLength(3); // sent original, NDR, draft
    const msgs = open(doc);
    expect(msgs).toHaveLength(2);
    expect(msgs.some((m) => m.body.closest('[contenteditable="true"]'))).toBe(false);
    expect(msgs.map((m) => outlookAdapter.readVisible(m).text).join('\n')).not.toContain('Resending');
  });

  it('skips a message card that holds an editor (reply being written inside the card)', () => {
    const doc = loadFixture(byFile('conversation-multi.html'));
    const ndr = open(doc)[1];
    if (!ndr) throw new Error('no NDR');
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    ndr.root.append(editor);
    expect(open(doc).map((m) => m.key)).not.toContain(ndr.key);
    editor.setAttribute('contenteditable', 'false');
    expect(open(doc).map((m) => m.key)).toContain(ndr.key);
  });

  it('keeps a lone item when an inline reply opens below it in the same pane', () => {
    const doc = loadFixture(byFile('business-display-name-5.1.8.html'));
    const before = open(doc).map((m) => m.key);
    const editor = doc.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.textContent = 'Thanks, will fix.';
    doc.getElementById('ItemReadingPaneContainer')?.append(editor);
    expect(open(doc).map((m) => m.key)).toEqual(before);
  });

  it('ignores a hidden stale reading pane and follows visibility changes', () => {
    const doc = loadFixture(byFile('hidden-stale-pane.html'));
    const panes = doc.querySelectorAll('[data-app-section="MailReadCompose"]');
    expect(panes).toHaveLength(2);
    expect(open(doc)).toHaveLength(1);
    const [stale, visible] = [...panes] as [HTMLElement, HTMLElement];
    stale.style.display = '';
    visible.style.display = 'none';
    const now = open(doc);
    expect(now).toHaveLength(1);
    const v = outlookAdapter.readVisible(now[0] as OpenMessage);
    expect(v.subject).toBe('Undeliverable: Nyaan');
    expect(v.text).toContain('Delivery has failed to these recipients or groups:');
    visible.style.display = '';
    expect(open(doc)).toHaveLength(2);
  });

  it('ignores cards hidden with the hidden attribute or visibility:hidden', () => {
    const doc = loadFixture(byFile('conversation-multi.html'));
    const [first, second] = open(doc);
    if (!first || !second) throw new Error('expected two');
    first.root.setAttribute('hidden', '');
    expect(open(doc).map((m) => m.key)).toEqual([second.key]);
    (second.body as HTMLElement).style.visibility = 'hidden';
    expect(open(doc)).toHaveLength(0);
  });

  it('waits until the body has rendered text', () => {
    const doc = loadFixture(byFile('o365-classic-5.1.10.html'));
    const body = doc.querySelector(SELECTORS.body);
    if (!body) throw new Error('no body');
    const kids = [...body.childNodes];
    for (const k of kids) k.remove();
    body.append(doc.createTextNode('  \n '));
    expect(open(doc)).toHaveLength(0);
    body.append(...kids);
    expect(open(doc)).toHaveLength(1);
  });

  it('falls back to [role=document] when Outlook renames the body id', () => {
    const doc = loadFixture(byFile('de-unzustellbar-5.1.1.html'));
    const body = doc.querySelector(SELECTORS.body);
    body?.removeAttribute('id');
    const msgs = open(doc);
    expect(msgs).toHaveLength(1);
    const v = outlookAdapter.readVisible(msgs[0] as OpenMessage);
    expect(v.text).toContain('Diagnoseinformationen für Administratoren:');
    expect(v.subject).toBe('Unzustellbar: Nyaan');
  });

  it('does not rely on translated labels: the same page with every aria-label and title removed', () => {
    for (const file of [
      'ja-haishin-funou-5.1.351.html',
      'conversation-multi.html',
      'full-window-5.4.312.html',
    ]) {
      const f = byFile(file);
      const doc = loadFixture(f);
      const keys = open(doc).map((m) => m.key);
      for (const el of doc.querySelectorAll('[aria-label], [title]')) {
        el.removeAttribute('aria-label');
        el.removeAttribute('title');
      }
      const msgs = open(doc);
      expect(msgs.map((m) => m.key)).toEqual(keys);
      msgs.forEach((m, i) => {
        const v = outlookAdapter.readVisible(m);
        expect(v.subject).toBe(f.open[i]?.subject);
        expect(v.from).toBe(f.open[i]?.from);
      });
    }
  });

  it('finds nothing outside mail (calendar, people) even with a message body on the page', () => {
    const f = byFile('o365-classic-5.1.10.html');
    expect(open(loadFixture(f, 'https://outlook.office.com/calendar/view/week'))).toHaveLength(0);
    expect(open(loadFixture(f, 'https://outlook.office.com/people/'))).toHaveLength(0);
    expect(open(loadFixture(f, 'https://outlook.office.com/mail/'))).toHaveLength(1);
  });

  it('finds nothing on an empty Outlook page', () => {
    expect(
      open(
        loadPage(
          '<!DOCTYPE html><html><body><div id="app"></div></body></html>',
          'https://outlook.live.com/mail/0/',
        ),
      ),
    ).toEqual([]);
  });
});

describe('hostile content', () => {
  const f = byFile('hostile-content.html');

  it('takes sender and subject from Outlook, never from look-alikes inside the mail', () => {
    const doc = loadFixture(f);
    const msgs = open(doc);
    expect(msgs).toHaveLength(1);
    const v = outlookAdapter.readVisible(msgs[0] as OpenMessage);
    expect(v.from).toBe('postmaster@example.com');
    expect(v.subject).toBe('Undeliverable: Nyaan');
    // The look-alike ids exist inside the body, unprefixed.
    expect(msgs[0]?.body.querySelector('#MSG_unprefixed_FROM')).not.toBeNull();
    expect(msgs[0]?.body.querySelector('#UniqueMessageBody_98')).not.toBeNull();
  });

  it('reads markup in the diagnostic as text and leaves the page untouched', () => {
    const doc = loadFixture(f);
    const before = doc.body.innerHTML;
    const [m] = open(doc);
    const v = outlookAdapter.readVisible(m as OpenMessage);
    expect(v.text).toContain("<script>alert('owned')</script><img src=x onerror=alert(1)>");
    outlookAdapter.badgeSlot(m as OpenMessage);
    expect(doc.body.innerHTML).toBe(before);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('keeps the badge beside the real subject', () => {
    const doc = loadFixture(f);
    const slot = outlookAdapter.badgeSlot(open(doc)[0] as OpenMessage);
    expect(slot.parent.closest(SELECTORS.body)).toBeNull();
    expect(slot.parent.querySelector(SELECTORS.subject)?.textContent).toBe('Undeliverable: Nyaan');
  });
});

describe('sender', () => {
  const senderOf = (html: string) => parseSender(bodyOf(html).firstElementChild ?? undefined);

  it('reads "Name <address>", a bare address, a name alone, or an address in a title', () => {
    expect(
      senderOf('<div><span>Microsoft Outlook</span><span>&lt;postmaster@outlook.com&gt;</span></div>'),
    ).toEqual({
      address: 'postmaster@outlook.com',
      name: 'Microsoft Outlook',
    });
    expect(senderOf('<div><span>MAILER-DAEMON@example.com</span></div>')).toEqual({
      address: 'MAILER-DAEMON@example.com',
    });
    expect(senderOf('<div><span>Microsoft Outlook</span></div>')).toEqual({ name: 'Microsoft Outlook' });
    expect(senderOf('<div><span title="postmaster@tenant.onmicrosoft.com">Postmaster</span></div>')).toEqual({
      address: 'postmaster@tenant.onmicrosoft.com',
      name: 'Postmaster',
    });
    expect(parseSender(undefined)).toEqual({});
  });

  it('finds an address among tokens only (no unanchored address regex)', () => {
    expect(findAddress('Neko <mailto:kijitora@example.jp>.')).toBe('kijitora@example.jp');
    expect(findAddress('no address here @ all')).toBeUndefined();
    expect(findAddress('a@b')).toBeUndefined();
    expect(findAddress(`${'a@'.repeat(5000)}x`)).toBeUndefined();
  });
});

describe('ids from the URL', () => {
  it('reads the ItemId from reading-pane, full-window and deeplink paths', () => {
    const at = (u: string) => itemIdFromUrl(loadPage('<html><body></body></html>', u));
    expect(at('https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1%2FYjc4%3D')).toBe(
      'AAQkADAwATM0MDAAMS1/Yjc4=',
    );
    expect(at('https://outlook.office.com/mail/inbox/id/AAMkAGI2TGUAAA%3D?foo=1')).toBe('AAMkAGI2TGUAAA=');
    expect(at('https://outlook.office365.com/mail/deeplink/read/AAMkAGI2TGUAAA%3D')).toBe('AAMkAGI2TGUAAA=');
    expect(at('https://outlook.cloud.microsoft/mail/sironeko@example.org/inbox/id/AAMkAGI2TGUAAA')).toBe(
      'AAMkAGI2TGUAAA',
    );
    expect(at('https://outlook.office.com/mail/inbox')).toBeUndefined();
    expect(at('https://outlook.office.com/mail/inbox/id/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('theme', () => {
  it('follows what the reading pane paints, not class names', () => {
    const doc = loadFixture(byFile('dark-theme-5.4.316.html'));
    expect(outlookTheme(doc)).toBe('dark');
    const pane = doc.querySelector('[data-app-section="MailReadCompose"]') as HTMLElement;
    pane.style.backgroundColor = '#faf9f8';
    expect(outlookTheme(doc)).toBe('light');
    pane.style.backgroundColor = 'transparent';
    expect(outlookTheme(doc)).toBe('dark'); // the page behind it is dark
  });

  it('is light on an unpainted page and dark when the page only declares color-scheme: dark', () => {
    expect(
      outlookTheme(
        loadPage('<html><body><div id="app">x</div></body></html>', 'https://outlook.live.com/mail/0/'),
      ),
    ).toBe('light');
    expect(
      outlookTheme(
        loadPage(
          '<html><head><style>:root { color-scheme: dark; }</style></head><body><div id="app">x</div></body></html>',
          'https://outlook.live.com/mail/0/',
        ),
      ),
    ).toBe('dark');
  });
});

describe('regular expressions', () => {
  it.each(Object.entries(OUTLOOK_REGEXES))('%s is linear-time safe', (_name, re) => {
    const result = checkSync(re.source, re.flags.replace(/[gy]/g, ''));
    expect(result.status).toBe('safe');
  });
});
