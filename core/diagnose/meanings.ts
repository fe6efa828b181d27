/**
 * What a code means according to the standards: enhanced status codes from the IANA registry,
 * basic reply codes from RFC 5321 and friends. Every code in a verdict carries its meaning.
 */
import { IANA_CLASSES, IANA_CODES, IANA_SUBJECTS, type IanaCode } from '../knowledge/iana';
import { REPLY_CLASSES, REPLY_CODES } from '../knowledge/reply-codes';
import type { ReplyMeaning, StatusMeaning } from '../types';

const BY_KEY: ReadonlyMap<string, IanaCode> = new Map(IANA_CODES.map((c) => [c.code, c]));

/** Meaning of an enhanced status code "C.S.D"; undefined when it is not of that shape. */
export function statusMeaning(code: string): StatusMeaning | undefined {
  const m = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  if (!m) return undefined;
  const [, cls = '', subject = '', detail = ''] = m;
  const klass = IANA_CLASSES[cls];
  const subj = IANA_SUBJECTS[String(Number(subject))];
  const key = `X.${Number(subject)}.${Number(detail)}`;
  const entry = BY_KEY.get(key);
  const classMeaning = klass?.title ?? 'Unknown class';
  const subjectMeaning = subj?.title ?? 'Unregistered subject';
  if (entry) {
    const classMismatch = entry.classes.length > 0 && !entry.classes.includes(Number(cls));
    return {
      code,
      registryCode: key,
      summary: entry.summary,
      description: entry.description,
      reference: entry.reference,
      classMeaning,
      subjectMeaning,
      registered: true,
      ...(classMismatch ? { classMismatch: true } : {}),
    };
  }
  return {
    code,
    summary: `Not in the IANA registry: ${classMeaning.toLowerCase()}, ${subjectMeaning.toLowerCase()}`,
    description: subj
      ? `The detail ${detail} is not registered for subject ${subject} (${subj.scope}). Receivers such as Microsoft use private details; see the vendor notes.`
      : 'The subject of this code is not registered.',
    classMeaning,
    subjectMeaning,
    registered: false,
  };
}

/** Meaning of a basic reply code "550"; undefined when it is not three digits 2xx-5xx. */
export function replyMeaning(code: string): ReplyMeaning | undefined {
  if (!/^[2-5]\d\d$/.test(code)) return undefined;
  const known = REPLY_CODES[code];
  if (known) return { code, meaning: known.meaning, reference: known.reference, standard: known.standard };
  return {
    code,
    meaning: `Not a defined reply code. Class ${code[0]}: ${REPLY_CLASSES[code[0] ?? ''] ?? 'unknown'}`,
    reference: 'RFC 5321 section 4.2.1 (class digit only)',
    standard: false,
  };
}
