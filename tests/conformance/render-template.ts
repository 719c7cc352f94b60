import { SITE } from './site-layout.ts';

const PLACEHOLDERS = {
  '{{ROOT}}': SITE.root,
  '{{PORT}}': String(SITE.port),
  '{{UPSTREAM_PORT}}': String(SITE.upstreamPort),
} as const;

/** Fill a reference configuration's `{{ROOT}}`, `{{PORT}}` and `{{UPSTREAM_PORT}}` placeholders. */
export function renderTemplate(template: string): string {
  let text = template;
  for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) {
    text = text.replaceAll(placeholder, value);
  }
  const leftover = /\{\{[A-Z_]+\}\}/.exec(text);
  if (leftover) throw new Error(`unknown placeholder ${leftover[0]} in a reference configuration`);
  return text;
}
