import type { RequestContext } from '../request-context.ts';
import { splitHostPort } from '../request-context.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';

/** Apache 2.4.71's ServerTokens OS string. */
export const APACHE_VERSION = 'Apache/2.4.71 (Debian)';

/** SERVER_NAME and SERVER_PORT under UseCanonicalName Off: from the absolute-form target or Host, else the server's own. */
export function apacheServerNameAndPort(context: RequestContext): { name: string; port: string } {
  const source = context.target.authority ?? context.host;
  if (!source) return { name: REFERENCE_SITE.apacheServerName, port: REFERENCE_SITE.serverPort };
  const { name, port } = splitHostPort(source);
  return { name: name.toLowerCase(), port: port || REFERENCE_SITE.serverPort };
}

/** Debian's security.conf sets ServerSignature On: this line goes into SERVER_SIGNATURE and error pages. */
export function apacheSignature(software: string, context: RequestContext | null): string {
  const { name, port } = context
    ? apacheServerNameAndPort(context)
    : { name: REFERENCE_SITE.apacheServerName, port: REFERENCE_SITE.serverPort };
  return `<address>${software} Server at ${name} Port ${port}</address>\n`;
}
