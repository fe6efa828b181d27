/**
 * How a bounce (NDR/DSN) announces itself before any parsing: sender, subject and a few body
 * phrases, in the languages NDRs are written in. Used by the cheap pre-filter that runs on every
 * webmail message (core/detect/quick.ts) and by the classifier's kind detection.
 *
 * Sources: ../shared/docs/peers.md section 5 (multilingual NDR phrases: SOE = sisimai/set-of-emails,
 * MS-LOC-* = Microsoft's localised support articles, GOOG-DE, YAHOO-DE, SIS-P5 Exchange2007/Office365),
 * and the subjects/senders of ../shared/corpus (counted with grep).
 * Every pattern is a literal alternation (linear time); text is matched case-insensitively.
 */

/** Senders that generate bounces. Matched against the From address and display name. */
import { union } from '../util/regex';

export const BOUNCE_SENDERS: readonly RegExp[] = [
  /\bmailer[-_ ]?daemon\b/i,
  /\bpost_?master\b/i,
  /\bmail delivery (?:subsystem|system|service)\b/i,
  /\bmail administrator\b/i,
  /\bmicrosoftexchange[0-9a-f]{32}\b/i, // Exchange internal NDR sender (peers.md 4.3)
  /\bdelivery status notification\b/i,
  /\bmail ?delivery ?failure\b/i,
  /\bmdaemon\b/i,
  /\bsmtp gateway\b/i,
];

/** Subjects of bounces and delay notices (any language). */
export const BOUNCE_SUBJECTS: readonly RegExp[] = [
  // English
  /\bundeliver(?:able|ed)\b/i,
  /\bdelivery status notification\b/i,
  /\breturned mail\b/i,
  /\bmail delivery (?:failed|failure|problem)\b/i,
  /\bdelivery (?:has )?failed\b/i,
  /\bfailure notice\b/i,
  /\bdelivery failure\b/i,
  /\bnon[- ]?deliver(?:able|y)\b/i,
  /\bmail system error\b/i,
  /\bpostmaster notify\b/i,
  /\bcould not send message for past\b/i,
  /\bdelivery (?:notification|report)\b/i,
  /\bmail delivery status\b/i,
  /\berror sending your mail\b/i,
  /\bmessage (?:you sent )?blocked\b/i,
  /\bmail could not be delivered\b/i,
  /\breturned to sender\b/i,
  /\bdelayed \d+ hours\b/i,
  /\bwarning: message \S{1,200} delayed\b/i,
  /\bmessage delivery (?:failure|delay)\b/i,
  // German
  /\bunzustellbar\b/i,
  /\bzustellung nicht m(?:ö|oe)glich\b/i,
  /\bnicht zustellbar\b/i,
  /\bunzustellbarkeits/i,
  // French
  /\bnon remis\b/i,
  /\bnon_remis\b/i,
  /\b(?:é|e)chec de (?:la )?(?:remise|distribution)\b/i,
  /\bmessage non d(?:é|e)livr(?:é|e)\b/i,
  // Spanish
  /\bno se puede entregar\b/i,
  /\bno entregado\b/i,
  /\bnotificaci(?:ó|o)n de estado de (?:la )?entrega\b/i,
  // Italian
  /\bnon recapitabile\b/i,
  /\bmancato recapito\b/i,
  // Portuguese
  /\bn(?:ã|a)o entregue\b/i,
  /\bn(?:ã|a)o_entregue\b/i,
  /\bfalha na entrega\b/i,
  // Dutch
  /\bonbestelbaar\b/i,
  /\bniet bezorgd\b/i,
  // Russian
  /недоставленное сообщение/i,
  /сообщение не доставлено/i,
  /не может быть доставлено/i,
  // Japanese
  /配信(?:でき|不能|に失敗|エラー)/,
  /送信(?:エラー|できません|に失敗)/,
  /メールエラー/,
  /返送/,
  // fml (Japanese mailing-list manager): the list refused the post; "(<list> ML)" closes the subject
  /^\s{0,4}(?:you \S{1,320} are not member|not member article from|loop alert:|loop back warning:|reject mail|spam mail from a spammer is rejected|fml system error message|warning: unix from loop|security alert)[^\n]{0,200}\(\S{1,80} ML\)/i,
];

/** Body phrases that only bounces contain (checked on the first part of the text). */
export const BOUNCE_BODY: readonly RegExp[] = [
  // Exchange / Microsoft 365 / Outlook.com (peers.md 5, webmail-dom.md 4.4)
  /\bdelivery has failed to these recipients\b/i,
  /\bdiagnostic information for administrators\b/i,
  /\bremote server returned\b/i,
  /\bcouldn'?t be delivered\b/i,
  /\bwasn'?t found at\b/i,
  /\bgenerating server\b/i,
  // Gmail
  /\bthe response from the remote server was\b/i,
  /\bdelivery to the following recipients? (?:failed|has been delayed)\b/i,
  /\btechnical details of (?:permanent|temporary) failure\b/i,
  /\byour message wasn'?t delivered\b/i,
  /\baddress not found\b/i,
  // Postfix, Sendmail, Exim, qmail, Courier, OpenSMTPD, others
  /\bthis is the mail system at host\b/i,
  /\bcould not be delivered to one or more\b/i,
  /\bcould not be delivered to (?:the following|all)\b/i,
  /\bcould not be delivered to\s{0,2}:/i,
  /\bunable to deliver (?:your )?message\b/i,
  /\btranscript of session follows\b/i,
  /\bthis is the qmail-send program\b/i,
  /\bpermanent fatal errors\b/i,
  /\bthe following addresses had delivery problems\b/i,
  /\bdelivery to the following recipients? failed\b/i,
  /\bmail delivery failed\b/i,
  /\brecipient address rejected\b/i,
  /\bundeliverable\b/i,
  /\bdelivery status notification\b/i,
  /^(?:final-recipient|diagnostic-code|reporting-mta)\s*:/im,
  // German
  /\bdiagnoseinformationen f(?:ü|ue)r administratoren\b/i,
  /\bkonnte nicht zugestellt werden\b/i,
  /\bzustellung an folgende empf(?:ä|ae)nger\b/i,
  // French
  /\binformations de diagnostic pour les administrateurs\b/i,
  /\b(?:é|e)chec de la remise\b/i,
  /\bn'a pas pu (?:(?:ê|e)tre )?(?:remis|distribu)/i,
  // Spanish
  /\binformaci(?:ó|o)n de diagn(?:ó|o)stico para administradores\b/i,
  /\bno se pudo entregar\b/i,
  // Italian
  /\binformazioni di diagnostica per gli amministratori\b/i,
  /\bil recapito non (?:è|e') riuscito\b/i,
  // Portuguese
  /\binforma(?:çõ|co)es de diagn(?:ó|o)stico para (?:os )?administradores\b/i,
  /\bn(?:ã|a)o (?:foi|p(?:ô|o)de ser) entregue\b/i,
  // Dutch
  /\bdiagnostische informatie voor beheerders\b/i,
  /\bkan niet worden bezorgd\b/i,
  // Russian
  /не может быть доставлено/i,
  /не может быть отправлено/i,
  // Japanese
  /管理者向けの診断情報/,
  /配信できませんでした/,
  /宛先がみつかりませんでした/,
  /送信できませんでした/,
];

/**
 * Body phrases that are the fixed frame of a delivery report, never conversation: they count twice.
 * (BOUNCE_BODY above also holds looser wordings a person might write about a failed delivery.)
 */
export const BOUNCE_BODY_STRONG: readonly RegExp[] = [
  /\bdelivery has failed to these recipients\b/i,
  /\bdiagnostic information for administrators\b/i,
  /\bthis is the mail system at host\b/i,
  /\bthis is the qmail-send program\b/i,
  /\btranscript of session follows\b/i,
  /\bthe following addresses had (?:permanent fatal errors|delivery problems|permanent delivery errors)\b/i,
  /\btechnical details of (?:permanent|temporary) failure\b/i,
  /\bcould not be delivered to\s{0,2}:\s{0,2}<?[^\s@<>]{1,64}@/i,
  /\bthis message was created automatically by mail delivery software\b/i,
  /\bdiagnoseinformationen f(?:ü|ue)r administratoren\b/i,
  /\binformations de diagnostic pour les administrateurs\b/i,
  /\binformaci(?:ó|o)n de diagn(?:ó|o)stico para administradores\b/i,
  /\binformazioni di diagnostica per gli amministratori\b/i,
  /管理者向けの診断情報/,
];

/**
 * Delivery and relay notices written as text (Exchange "Relayed:" / "Delivered:" reports, success
 * DSNs shown as text): they report success, not a failure. Source: Exchange's DSN texts
 * (Microsoft Learn "Delivery status notifications", the "Relayed:" subject prefix) and RFC 3464
 * Action: delivered / relayed.
 */
export const DELIVERED_SUBJECTS: readonly RegExp[] = [
  /^\s{0,4}(?:relayed|delivered|expanded)\s{0,2}:/i,
  /^\s{0,4}(?:übermittelt|zugestellt|remis|entregado|recapitato|entregue|bezorgd)\s{0,2}:/i,
  /\bdelivery status notification \((?:relay|success)\)/i,
  /\bsuccessful mail delivery report\b/i,
];
export const DELIVERED_BODY: readonly RegExp[] = [
  /\bdelivery to these recipients or groups is complete\b/i,
  /\byour message has been delivered to the following (?:recipients|groups)\b/i,
  /\bwas successfully (?:delivered|relayed) to\b/i,
  /\bmessage was delivered (?:successfully )?to the following\b/i,
];

/** Auto-replies (RFC 3834) and out-of-office notices: never a bounce. */
export const AUTOREPLY_SUBJECTS: readonly RegExp[] = [
  /^\s*(?:automatic reply|auto(?:matic)?[- ]?(?:reply|response))\s*:/i,
  /\bout of (?:the )?office\b/i,
  /^\s*auto:/i,
  /\bautoreply\b/i,
  /\bvacation (?:reply|notice|message)\b/i,
  /\babwesenheitsnotiz\b/i,
  /^\s*automatische antwort\s*:/i,
  /^\s*r(?:é|e)ponse automatique\s*:/i,
  /^\s*respuesta autom(?:á|a)tica\s*:/i,
  /^\s*risposta automatica\s*:/i,
  /^\s*resposta autom(?:á|a)tica\s*:/i,
  /^\s*automatisch antwoord\s*:/i,
  /自动回复/,
  /自動(?:応答|返信)/,
];

/** Feedback-loop / abuse reports (ARF, RFC 5965): never a bounce. */
export const FEEDBACK_SUBJECTS: readonly RegExp[] = [
  /\bcomplaint about message\b/i,
  /\babuse report\b/i,
  /\bfeedback report\b/i,
  /\bspam report\b/i,
  /\bemail abuse\b/i,
];

/** Prefilters for the long lists scanned over message text (see core/util/regex.ts). */
export const ANY_BOUNCE_BODY = union(BOUNCE_BODY);
