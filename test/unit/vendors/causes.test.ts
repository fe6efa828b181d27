/**
 * diagnoseCause: policy/security rejections told apart (seed 003's 550 5.7.1 causes), every named
 * blocklist with its lookup/delisting page, the registered-code fallback, and receiver pages.
 */
import { describe, expect, it } from 'vitest';
import { diagnoseCause } from '../../../core/diagnose/causes';
import { BLOCKLISTS, CAUSES, type CauseId } from '../../../core/knowledge/causes';
import type { Reason } from '../../../core/types';

const dx = (diagnostic: string, status = '', remoteMta = 'mx.example.org') =>
  diagnoseCause({ diagnostic, status, replyCode: diagnostic.slice(0, 3), remoteMta });

describe('seed 003: the usual causes of 550 5.7.1', () => {
  const cases: [string, CauseId, string][] = [
    ['spf', 'spf', '550 5.7.1 Message rejected: SPF check failed for 192.0.2.1 (example.com: -all)'],
    ['dkim', 'dkim', '550 5.7.1 DKIM signature verification failed; the message was rejected'],
    [
      'dmarc',
      'dmarc',
      "550 5.7.1 Unauthenticated email from example.com is not accepted due to domain's DMARC policy",
    ],
    ['spf and dkim', 'auth', '550 5.7.1 This message failed both SPF and DKIM authentication checks'],
    ['unauthenticated', 'auth', '550 5.7.1 Sender is unauthenticated; message refused'],
    [
      'blocklist',
      'blocklist',
      '550 5.7.1 Service unavailable; client [192.0.2.1] blocked using zen.spamhaus.org',
    ],
    ['unnamed blocklist', 'blocklist', '554 5.7.1 Your IP 192.0.2.1 is on our blacklist'],
    ['ip reputation', 'ip-reputation', '550 5.7.1 Rejected due to poor sender reputation of 192.0.2.1'],
    [
      'domain reputation',
      'domain-reputation',
      '550 5.7.1 Message rejected because of the reputation of the sending domain',
    ],
    ['content', 'content', '550 5.7.1 Message rejected as spam by content filter'],
    ['greylisting', 'greylisting', '451 4.7.1 Greylisting in action, please come back later'],
    [
      'greylisted (Postgrey)',
      'greylisting',
      '450 4.2.0 <neko@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html',
    ],
    [
      'dynamically-assigned IP (Outlook.com S3160)',
      'ip-reputation',
      "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider. You can tell them that Hotmail does not relay dynamically-assigned IP ranges. (S3160)",
    ],
    ['relaying denied', 'relay', '550 5.7.1 <neko@example.org>: Relay access denied'],
    ['relaying denied (relaying)', 'relay', '550 5.7.1 Unable to relay for neko@example.org'],
    ['rDNS', 'rdns', '550 5.7.1 Client host rejected: cannot find your reverse hostname (no PTR record)'],
    [
      'rDNS (Postfix reject_unknown_client_hostname)',
      'rdns',
      '450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.1]',
    ],
    ['rate limit', 'rate-limit', '450 4.7.1 Too many messages from your IP, slow down'],
    ['virus', 'virus', '554 5.7.1 Message rejected: virus found (Eicar-Test-Signature)'],
    ['tls', 'tls', '530 5.7.0 Must issue a STARTTLS command first'],
    [
      'recipient policy',
      'recipient-policy',
      '550 5.7.1 Delivery not authorized, message refused by recipient policy',
    ],
    [
      'sender address',
      'sender-address',
      '553 5.7.1 <bounce@nonexistent.example>: Sender address rejected: Domain not found',
    ],
    ['malformed', 'malformed', '550 5.7.1 Message is not RFC 5322 compliant: duplicate headers'],
  ];
  for (const [name, cause, text] of cases) {
    it(`${name} → ${cause}`, () => {
      const d = dx(text);
      expect(d?.cause).toBe(cause);
      expect(d?.checklist.length).toBeGreaterThanOrEqual(3);
      expect(d?.title).toBeTruthy();
      expect(d?.source).toMatch(/[A-Z0-9-]+ <[^>]+>/);
    });
  }

  it('the cases above cover every cause', () => {
    expect([...new Set(cases.map((c) => c[1]))].sort()).toEqual(Object.keys(CAUSES).sort());
  });

  it('every cause has a concrete checklist and a source', () => {
    for (const [cause, info] of Object.entries(CAUSES)) {
      expect(info.checklist.length, cause).toBeGreaterThanOrEqual(3);
      expect(info.source, cause).toMatch(/<[^>]+>/);
    }
  });
});

describe('named blocklists', () => {
  const texts: Record<string, string> = {
    'spamhaus-pbl':
      '550 5.7.1 Service unavailable; client [192.0.2.1] blocked using Spamhaus PBL https://www.spamhaus.org/pbl/',
    'spamhaus-xbl':
      '554 Denied [SHXBL] - Denied by Spamhaus XBL - See http://www.spamhaus.org/query/bl?ip=192.0.2.1',
    'spamhaus-dbl':
      '554 5.7.1 Service unavailable; Sender address [a@example.com] blocked using dbl.spamhaus.org',
    'spamhaus-sbl':
      '550 5.7.1 Rejected: 192.0.2.1 is listed in SBL123456, see https://www.spamhaus.org/sbl/query/SBL123456',
    'spamhaus-zen': '550 5.7.1 Mail from 192.0.2.1 rejected using zen.spamhaus.org',
    spamhaus: '550 Email blocked by SPAMHAUS',
    'barracuda-brbl': '554 Service unavailable; Client host [192.0.2.1] blocked using b.barracudacentral.org',
    spamcop: '550 5.7.1 Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.1',
    sorbs: '554 5.7.1 SORBS DNSBL Entry - see <http://www.us.sorbs.net/lookup.shtml?192.0.2.1>',
    uceprotect: '550 5.7.1 Your IP 192.0.2.1 is listed in dnsbl-1.uceprotect.net',
    'cloudmark-csi':
      '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using cm-csi-v11; Cloudmark Poor Reputation Sender',
    proofpoint: '550 5.7.1 Service unavailable; client [192.0.2.1] blocked using prs.proofpoint.com',
    'microsoft-outlook':
      "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3140).",
    'microsoft-365-banned':
      '550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list please visit https://sender.office.com/',
    comcast:
      '554 resimta-po-11v.sys.comcast.net comcast 192.0.2.1 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000010',
    vade: '550 5.7.1 Connection refused - OXSUS001_101 - blocked by Vade Threat List',
    validity: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.score.senderscore.com',
    invaluement: '554 5.7.1 Rejected: IP 192.0.2.1 listed in ivmSIP',
    mailspike: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using bl.mailspike.net',
    abusix: '554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using combined.mail.abusix.zone',
    att: '553 5.3.0 flph825 DNSBL:ATTRBL 521< 192.0.2.1 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net',
    talos:
      "554 Your access to this mail system has been rejected due to the sending MTA's poor reputation (SenderBase score)",
    surbl: '554 5.7.1 Message rejected: URL in body listed on multi.surbl.org',
    symantec:
      '553 Sorry, your IP address has been blocked. Please visit https://ipremoval.sms.symantec.com/ to request removal',
  };

  it('every list in the table has a sample', () => {
    expect(BLOCKLISTS.map((b) => b.id).sort()).toEqual(Object.keys(texts).sort());
  });

  for (const b of BLOCKLISTS) {
    it(`${b.name}: named, with its lookup page`, () => {
      const d = dx(texts[b.id] ?? '');
      expect(d?.cause).toBe('blocklist');
      expect(d?.list).toBe(b.name);
      expect(d?.links).toContain(b.lookup);
      if (b.delist) expect(d?.links).toContain(b.delist);
      expect(d?.checklist[0]).toBe(b.steps[0]);
      expect(d?.source).toContain(b.source);
    });
  }
});

describe('fallbacks and receiver pages', () => {
  it('with no clue in the text, the registered meaning of the code decides', () => {
    expect(dx('550 Rejected', '5.7.25')?.cause).toBe('rdns');
    expect(dx('550 Rejected', '5.7.26')?.cause).toBe('auth');
    expect(dx('', '5.7.1')?.cause).toBe('recipient-policy');
    expect(dx('554 nope', '5.7.23')?.cause).toBe('spf');
  });
  it('returns undefined when neither text nor code says anything about policy', () => {
    expect(dx('550 5.1.1 <a@b.c>... User unknown', '5.1.1')).toBeUndefined();
    expect(dx('', '')).toBeUndefined();
  });
  it("adds the receiver's postmaster page when the Remote-MTA is a known vendor", () => {
    const d = dx('550 5.7.1 rejected: SPF check failed', '5.7.1', 'gmail-smtp-in.l.google.com');
    expect(d?.links).toContain('https://postmaster.google.com/');
  });
  it('a specific status beats the catch-all words ("access denied" is any refusal)', () => {
    expect(dx('550 5.7.25 Access denied', '5.7.25')?.cause).toBe('rdns');
    expect(dx('550 5.7.1 Access denied', '5.7.1')?.cause).toBe('recipient-policy');
  });
  it('when text and status say only "policy", the reason names the cause (REASON_CAUSES)', () => {
    const withReason = (diagnostic: string, status: string, reason: Reason) =>
      diagnoseCause({ diagnostic, status, replyCode: diagnostic.slice(0, 3), remoteMta: '', reason })?.cause;
    // Sisimai reads these as `blocked`: the sending server was refused, not a recipient's rule.
    expect(withReason('550 Access denied', '', 'blocked')).toBe('ip-reputation');
    expect(withReason('554 mx.example.net ESMTP not accepting connections', '4.7.0', 'blocked')).toBe(
      'ip-reputation',
    );
    expect(withReason('550 Insecure Mail Relay', '', 'norelaying')).toBe('relay');
    expect(withReason('450 service permits 2 unverifyable sending IPs', '', 'requireptr')).toBe('rdns');
    // A specific cause in the text still wins over the reason's.
    expect(withReason('550 5.7.1 Client blocked, SPF fail', '5.7.1', 'blocked')).toBe('spf');
    // Reasons that can be either side's keep the catch-all.
    expect(withReason('550 5.7.1 Access denied', '5.7.1', 'policyviolation')).toBe('recipient-policy');
    expect(withReason('550 5.7.1 Access denied', '5.7.1', 'rejected')).toBe('recipient-policy');
  });
  it('reads relay and quota wordings without a reason', () => {
    expect(dx('501 5.7.1 This system is not configured to relay mail', '5.7.1')?.cause).toBe('relay');
    expect(dx("554 You've reached your daily relay quota - 192.0.2.1", '')?.cause).toBe('rate-limit');
    expect(dx('550 5.7.708 Access denied, traffic not accepted from this IP', '5.7.708')?.cause).toBe(
      'ip-reputation',
    );
  });
  it('reads the enhanced code from the text when Status is missing', () => {
    expect(dx('550 5.7.25 go away')?.cause).toBe('rdns');
  });
});
