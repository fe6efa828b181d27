/**
 * The vendor registry: the only place that lists vendors. Order matters only as a tie-break
 * between equally specific matches (earlier wins). Adding a vendor = one data file + one line here.
 */
import { aol } from './aol';
import { apple } from './apple';
import { att } from './att';
import { barracuda } from './barracuda';
import { boxbe } from './boxbe';
import { comcast } from './comcast';
import { cox } from './cox';
import { docomo } from './docomo';
import { mailgun, ses } from './esp';
import { exchangeLegacy } from './exchange-legacy';
import { facebook } from './facebook';
import { free } from './free';
import { gmx } from './gmx';
import { godaddy } from './godaddy';
import { google } from './google';
import { ironport } from './ironport';
import { iua } from './iua';
import { kddi } from './kddi';
import { mailru } from './mailru';
import { messagelabs } from './messagelabs';
import { microsoft365 } from './microsoft365';
import { mimecast } from './mimecast';
import { orange } from './orange';
import { outlook } from './outlook';
import { powermta } from './powermta';
import { proofpoint } from './proofpoint';
import { rambler } from './rambler';
import {
  fireeye,
  hey,
  hostpoint,
  improvmx,
  infomaniak,
  protonmail,
  rackspace,
  zerospam,
} from './smaller-filters';
import { spectrum } from './spectrum';
import { tencent } from './tencent';
import { trendmicro } from './trendmicro';
import type { Vendor } from './types';
import { vade } from './vade';
import { yahoo } from './yahoo';
import { yandex } from './yandex';
import { zoho } from './zoho';

export const VENDORS: readonly Vendor[] = [
  google,
  outlook,
  microsoft365,
  exchangeLegacy,
  yahoo,
  aol,
  apple,
  vade,
  orange,
  comcast,
  proofpoint,
  mimecast,
  barracuda,
  ironport,
  messagelabs,
  trendmicro,
  gmx,
  mailru,
  yandex,
  rambler,
  zoho,
  godaddy,
  spectrum,
  cox,
  tencent,
  docomo,
  kddi,
  free,
  att,
  iua,
  fireeye,
  zerospam,
  boxbe,
  powermta,
  facebook,
  improvmx,
  rackspace,
  infomaniak,
  hostpoint,
  protonmail,
  hey,
  ses,
  mailgun,
];
