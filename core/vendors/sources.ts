/**
 * Source keys used beside every vendor fact, resolved to their URL. The keys and what they stand
 * for come from ../shared/docs/peers.md section 7; Sisimai and smtp-field-manual keys point at the
 * snapshot commit named there. Keys starting with `EXT-` are extra sources (blocklist operators'
 * own pages and similar) that are not in peers.md; they are listed here with their URL.
 */

export const SOURCES = {
  // --- peers.md section 7 ------------------------------------------------------------------------
  ANYMAIL:
    'https://github.com/anymail/django-anymail/blob/main/anymail/webhooks/mailgun.py, https://github.com/anymail/django-anymail/issues/130',
  'AOL-RLY': 'http://postmaster-us.info.aol.com/errors/554rlyb1.html',
  ASSOC:
    'https://github.com/assoconnect/php-smtp-code/blob/master/src/Parser/TextSearchParser.php (AssoConnect SmtpCode, the repository peers.md could not confirm)',
  'ATT-BLS': 'http://rbl.att.net/block_enduser.html',
  'BENTO-APPLE': 'https://bentonow.com/smtp-errors/apple',
  'COMCAST-XML': 'http://postmaster.comcast.net/mail-error-codes.xml',
  DMARCPAL: 'https://dmarcpal.com/learn/gmail-bulk-sender-error-codes-explained',
  'GH-S3140':
    'https://github.com/regnull/ubikom/issues/26, https://github.com/hestiacp/hestiacp/issues/2901, https://github.com/openaustralia/righttoknow/issues/985, https://github.com/root-io/vmail/issues/91',
  'GH-S3150':
    'https://github.com/simple-login/app/issues/1875, https://github.com/MicrosoftDocs/OfficeDocs-Support/issues/834',
  'GWS-ERR':
    'https://knowledge.workspace.google.com/admin/support/troubleshooting/gmail-smtp-errors-and-codes',
  IRONPORT: 'https://pcsdesk.com/?p=416',
  'IRONPORT-GUIDE':
    'Cisco IronPort AsyncOS 7.1 Advanced Configuration Guide, SPF response settings (manualsbrain.com mirror, p. 293)',
  'MS-NDR':
    'https://learn.microsoft.com/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online',
  'MSDOCS-2336': 'https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/2336',
  'OX-BLOG': 'https://blogs.it.ox.ac.uk/nexus/2024/04/03/gmail-bulk/',
  PHPBH: 'https://github.com/cfortune/PHP-Bounce-Handler/blob/master/bounce_responses.php',
  'PP-EMAILWIZ': 'https://github.com/LukeSmithxyz/emailwiz/issues/233',
  'SES-PASTE':
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_Bounce.html, https://pastebin.com/GaJQvnXR',
  SFM: 'https://github.com/ActiveCampaign/smtp-field-manual/tree/67831a2/data (smtp-field-manual @67831a2)',
  'SFM-PR35': 'https://github.com/ActiveCampaign/smtp-field-manual/pull/35',
  'SFM-PR99': 'https://github.com/ActiveCampaign/smtp-field-manual/pull/99',
  'SIS-221': 'https://github.com/sisimai/p5-sisimai/issues/221',
  'SIS-236': 'https://github.com/sisimai/p5-sisimai/issues/236',
  'SIS-240': 'https://github.com/sisimai/p5-sisimai/issues/240',
  'SIS-312': 'https://github.com/sisimai/p5-sisimai/issues/312',
  'SIS-317': 'https://github.com/sisimai/p5-sisimai/pull/317',
  'SIS-395': 'https://github.com/sisimai/p5-sisimai/issues/395',
  'SIS-AOL': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/Aol.pm',
  'SIS-APPLE': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Apple.pm',
  'SIS-BARRACUDA': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/Barracuda.pm',
  'SIS-COX': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Cox.pm',
  'SIS-DOCOMO': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/NTTDOCOMO.pm',
  'SIS-EXCH2003': 'https://github.com/sisimai/p5-sisimai/blob/0c603511/lib/Sisimai/Lhost/Exchange2003.pm',
  'SIS-EXCH2007': 'https://github.com/sisimai/go-sisimai/blob/02714b77/lhost/via-exchange2007.go',
  'SIS-FACEBOOK': 'https://github.com/sisimai/p5-sisimai/blob/1de43fdd/lib/Sisimai/Lhost/Facebook.pm',
  'SIS-FPTT': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/FrancePTT.pm',
  'SIS-GMX':
    'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/GMX.pm, https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/EinsUndEins.pm',
  'SIS-GO-ML':
    'https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-messagelabs.go, https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/MessageLabs.pm',
  'SIS-GO-OUTLOOK': 'https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-outlook.go',
  'SIS-GMAIL': 'https://github.com/sisimai/p5-sisimai/blob/019e893c/lib/Sisimai/Lhost/Gmail.pm',
  'SIS-GSUITE': 'https://github.com/sisimai/p5-sisimai/blob/15833ce8/lib/Sisimai/Lhost/GSuite.pm',
  'SIS-GODADDY': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/GoDaddy.pm',
  'SIS-GOOGLE': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Google.pm',
  'SIS-IUA': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/IUA.pm',
  'SIS-KDDI':
    'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/KDDI.pm, https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/KDDI.pm',
  'SIS-MAILRU': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/MailRu.pm',
  'SIS-MIMECAST': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Mimecast.pm',
  'SIS-MS': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Microsoft.pm',
  'SIS-OFFICE365': 'https://github.com/sisimai/p5-sisimai/blob/181f0022/lib/Sisimai/Lhost/Office365.pm',
  'SIS-POWERMTA': 'https://github.com/sisimai/p5-sisimai/blob/4b38c581/lib/Sisimai/Lhost/PowerMTA.pm',
  'SIS-RB91': 'https://github.com/sisimai/rb-sisimai/issues/91',
  'SIS-SPECTRUM': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Spectrum.pm',
  'SIS-TENCENT': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/Tencent.pm',
  'SIS-TREND': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/InterScanMSS.pm',
  'SIS-YAHOO':
    'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Rhost/YahooInc.pm, https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-yahooinc.go',
  'SIS-YANDEX': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/Yandex.pm',
  'SIS-ZOHO': 'https://github.com/sisimai/p5-sisimai/blob/21cfb93/lib/Sisimai/Lhost/Zoho.pm',
  SOE: 'https://github.com/sisimai/set-of-emails/tree/18e585c/maildir',
  'SUPED-APPLE': 'https://www.suped.com (articles on Apple HM07/HM08/CS01/CS02)',
  'SUPED-VADE':
    'https://www.suped.com/learn/blocklists/what-does-the-vade-secure-oxsus0001_403-error-code-mean-and-how-should-it-be-handled, https://www.suped.com/knowledge/email-deliverability/troubleshooting/is-vades-use-of-550-571-a-hard-bounce-and-what-do-the-error-codes-mean',
  TIDBITS: 'TidBITS 2021-08-30, "Resetting Recent iCloud Bouncing Subscribers"',
  'UT-IRONPORT': 'https://utsubdev2.service-now.com/utss/KAhome.do?number=KB0011414',
  'VADE-IN':
    'https://postmaster-oxsus.vadesecure.com/inbound_error_codes, https://postmaster-oxsus.vadesecure.com/',
  'VADE-OUT': 'https://postmaster-oxsus.vadesecure.com/outbound_error_codes',
  'VIWS-MAILRU': 'https://viws.ru/en/poterya-pochtovyh-soobshchenii-oshibki-pochtovoi-sistemy.html',
  'YAHOO-DE': 'https://de.hilfe.yahoo.com/ (article sln3275)',
  YANDEX: 'https://yandex.com/support/mail/bounces/yandex.html',
  ZMTA: 'https://github.com/zone-eu/zone-mta/blob/master/config/bounces.txt',
  'ZMTA-301': 'https://github.com/zone-eu/zone-mta/issues/301',
  RFC: 'https://www.rfc-editor.org/ (RFC 3463, 5248, 5321, 7208, 7489, 8617, 8689)',
  IANA: 'https://www.iana.org/assignments/smtp-enhanced-status-codes/',
  // --- seeds in ../shared/docs/seeds ---------------------------------------------------------------
  'SEED-000': '../shared/docs/seeds/000_5ad3f4f7d91ac9e1.txt (Vade 550 5.7.1 OXSUS001_403, Suped article)',
  'SEED-003': '../shared/docs/seeds/003_07ae892b6b1cf860.txt (550 5.7.1 causes, Suped article)',
  // --- extra sources, not in peers.md section 7 ----------------------------------------------------
  'EXT-GO-SISIMAI-MS': 'https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-microsoft.go',
  'EXT-GO-SISIMAI-DOCOMO':
    'https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-nttdocomo.go, https://github.com/sisimai/go-sisimai/issues/64',
  'EXT-GO-SISIMAI-GOOGLE': 'https://github.com/sisimai/go-sisimai/blob/ed142de/rhost/for-google.go',
  'EXT-SPAMHAUS-CHECK':
    'https://www.spamhaus.org/resource-hub/delisting/good-bye-blocklist-removal-center-hello-ip-and-domain-reputation-checker/',
  'EXT-YAHOO-TS01':
    'http://postmaster.yahoo.com/421-ts01.html (Yahoo postmaster page, as quoted in https://blog.mailchannels.com/2012/09/why-is-yahoo-temp-failing-my-mail and https://mail.python.org/pipermail/mailman-users/2012-June/073611.html)',
  'EXT-YAHOO-TS03':
    'https://help.yahoo.com/kb/SLN3436.html (Yahoo help: "421 4.7.1 [TS03] All messages from x.x.x.x permanently deferred")',
  'EXT-YAHOO-GL01':
    'Yahoo help "421 Message temporarily deferred - [numeric code]" (4.16.5x: the message looked like spam and/or mail from the network drew complaints, a temporary error), as quoted at http://blog.itpub.net/94384/viewspace-600330/ (the [GL01] form with "- 4.16.50" and postmaster-21.html as logged at https://www.stevejenkins.com/blog/tag/420/)',
  'EXT-BOXBE':
    'https://github.com/rjbs/Mail-DeliveryStatus-BounceParser/blob/9517e68/t/corpus/boxbe-cr.msg (a Boxbe notice: Reporting-MTA boxbe.com, Diagnostic-Code X-Boxbe-Notice, Sender not pre-approved, Status 4.7.0, the message waitlisted until the sender joins the Guest List). Challenge-response is its own soft class at SparkPost (100 Challenge-Response) and Postmark (ChallengeVerification), ../shared/docs/peers.md section 3',
  'EXT-SPAMHAUS-FAQ': 'http://www.spamhaus.org/faq/section/DNSBL%20Usage',
  'EXT-SA-DNSBL': 'https://github.com/apache/spamassassin/blob/trunk/rules/20_dnsbl_tests.cf',
  'EXT-BRBL': 'https://help.returnpath.com/hc/en-us/articles/222486068-Barracuda-Reputation-Blacklist-BRBL-',
  'EXT-SPAMCOP': 'http://spamcop.net/bl.shtml',
  'EXT-SORBS-CLOSED':
    'https://www.techzine.eu/news/security/120916/proofpoint-discontinues-anti-spam-service-sorbs/',
  'EXT-UCEPROTECT': 'https://docs.hetrixtools.com/uceprotect-level3/',
  'EXT-CLOUDMARK': 'http://csi.cloudmark.com/reasons-admin.php',
  'EXT-INVALUEMENT': 'https://knowledge.validity.com/hc/en-us/articles/220567887-Invaluement-blocklist',
  'EXT-MAILSPIKE': 'https://mailspike.org/',
  'EXT-ABUSIX':
    'https://docs.abusix.com/lookup-and-delisting/etXXhES8PMHJSheqsd1gtL/lookup-and-delisting-overview/oiSPbdSD2nyd4MAXieazYn',
  'EXT-TALOS':
    'https://support.talosintelligence.com/docs/email-reputation, https://talosintelligence.com/support',
  'EXT-MS-OLC-FORM':
    'https://www.virtbiz.com/client/index.php?rp=%2Fknowledgebase%2F71%2FOutlook-or-Hotmail-or-Microsoft-has-blocked-my-email.html, https://blogs.msdn.microsoft.com/tzink/2017/03/17/a-quick-overview-of-outlook-com-hotmail-sender-support/',
  'EXT-MS-606':
    'https://pastebin.com/LkiQYSWa, https://pastebin.com/EH1TUb0X (real 5.7.606 replies naming sender.office.com)',
} as const;

export type SourceKey = keyof typeof SOURCES;

/** "KEY <url>; KEY <url>" for the given keys, for a `source` field. */
export function src(...keys: readonly SourceKey[]): string {
  return keys.map((k) => `${k} <${SOURCES[k]}>`).join('; ');
}
