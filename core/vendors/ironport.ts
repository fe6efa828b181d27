/**
 * Cisco Secure Email / IronPort (ESA, hosted *.iphmx.com). ../shared/docs/peers.md §4.13;
 * vendor-quirks.csv rows 145-147. Default rejection texts use SenderBase/Talos reputation (SBRS).
 */
import { makeDiagnosis as dx } from '../knowledge/causes';
import { defineVendor, hosts } from './define';
import { src } from './sources';

export const ironport = defineVendor({
  id: 'ironport',
  name: 'Cisco Secure Email / IronPort',
  postmaster: 'https://talosintelligence.com/reputation_center',
  source: src('SFM', 'IRONPORT', 'ZMTA'),
  recognize: {
    hosts: [hosts('iphmx.com')],
    tokens: [/sending MTA's poor reputation/i, /SPF unauthorized mail is prohibited/i],
  },
  rules: [
    {
      id: 'ironport-sbrs',
      csvRows: [145],
      standalone: true,
      match: {
        tokens: [/access to this mail system has been rejected due to the sending MTA's poor reputation/i],
      },
      pattern:
        "554 'Your access to this mail system has been rejected due to the sending MTA's poor reputation...'",
      meaning: 'The SenderBase (Talos) reputation score of the sending IP is too low.',
      practice: 'BLOCK',
      reason: 'badreputation',
      note: "IronPort's default text for a reputation block.",
      remediation: 'Check the IP at Talos (talosintelligence.com); ask the recipient to allow-list you.',
      diagnosis: dx('blocklist', { list: 'talos' }),
      source: src('IRONPORT', 'ZMTA'),
    },
    {
      id: 'ironport-spf',
      csvRows: [146],
      match: { text: [/SPF unauthorized mail is prohibited/i] },
      pattern: "550 '#5.7.1 SPF unauthorized mail is prohibited' (default text)",
      meaning: 'SPF failed at the recipient.',
      practice: 'BLOCK',
      reason: 'authfailure',
      note: 'IronPort default SPF rejection.',
      remediation: 'Fix SPF for the sending domain.',
      diagnosis: dx('spf'),
      source: src('IRONPORT-GUIDE'),
    },
    {
      id: 'ironport-spf-temporary',
      csvRows: [146],
      match: { text: [/Temporary error occurred during SPF verification/i] },
      pattern: "451 '#4.4.3 Temporary error occurred during SPF verification'",
      meaning: 'The SPF check failed temporarily (DNS).',
      practice: 'SOFT',
      reason: 'authfailure',
      note: 'Usually a DNS timeout on your SPF record.',
      remediation: 'Check that your SPF record resolves quickly and reliably; retry.',
      diagnosis: dx('spf'),
      source: src('IRONPORT-GUIDE'),
    },
    {
      id: 'ironport-throttle',
      csvRows: [147],
      match: {
        reply: ['4'],
        text: [/rate limit/i, /too many recipients/i, /recipient limit/i, /throttl/i],
      },
      pattern: 'Unknown-reputation senders rate-limited (e.g. 10 recipients/hour at some sites)',
      meaning: 'Throttling of new or low-volume IPs whose reputation is unknown.',
      practice: 'SOFT',
      reason: 'speeding',
      note: 'IronPort sites rate-limit senders with neutral or slightly negative SenderBase scores.',
      remediation: 'Warm up gradually; ask the recipient to allow-list you.',
      diagnosis: dx('rate-limit'),
      source: src('UT-IRONPORT'),
    },
  ],
});
