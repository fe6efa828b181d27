/**
 * Builders for test bounces: a standard RFC 3464 multipart/report with one or more failed
 * recipients, shaped like what Postfix sends.
 */
export interface DsnRecipientSpec {
  recipient: string;
  status?: string;
  diagnostic?: string;
  remoteMta?: string;
  action?: string;
}

export function makeDsn(
  spec: DsnRecipientSpec | DsnRecipientSpec[],
  opts: { subject?: string; eol?: string } = {},
): string {
  const rs = Array.isArray(spec) ? spec : [spec];
  const eol = opts.eol ?? '\n';
  const human = rs
    .map(
      (r) =>
        `<${r.recipient}>: host ${r.remoteMta ?? 'mx.example.net'}[192.0.2.1] said: ${r.diagnostic ?? ''} (in reply to RCPT TO command)`,
    )
    .join('\n\n');
  const fields = rs
    .map((r) =>
      [
        `Final-Recipient: rfc822; ${r.recipient}`,
        `Original-Recipient: rfc822;${r.recipient}`,
        `Action: ${r.action ?? 'failed'}`,
        ...(r.status ? [`Status: ${r.status}`] : []),
        `Remote-MTA: dns; ${r.remoteMta ?? 'mx.example.net'}`,
        ...(r.diagnostic ? [`Diagnostic-Code: smtp; ${r.diagnostic}`] : []),
      ].join('\n'),
    )
    .join('\n\n');
  const msg = `Return-Path: <>
From: MAILER-DAEMON@mail.example.org (Mail Delivery System)
To: sender@example.org
Subject: ${opts.subject ?? 'Undelivered Mail Returned to Sender'}
Date: Thu, 29 Apr 2021 23:34:45 +0900 (JST)
Message-Id: <20210429143445.ABC123@mail.example.org>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="BOUNDARY.1"

This is a MIME-encapsulated message.

--BOUNDARY.1
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

${human}

--BOUNDARY.1
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.example.org
Arrival-Date: Thu, 29 Apr 2021 23:34:40 +0900 (JST)

${fields}

--BOUNDARY.1
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Sender <sender@example.org>
To: ${rs[0]?.recipient ?? 'x@example.com'}
Subject: Quarterly report
Message-Id: <original-123@example.org>
Date: Thu, 29 Apr 2021 23:34:40 +0900

--BOUNDARY.1--
`;
  return eol === '\n' ? msg : msg.replace(/\n/g, eol);
}
