import { fillPlaceholders } from '../../src/player/reference-config.ts';

/** Fill a reference configuration's `{{ROOT}}`, `{{PORT}}` and `{{UPSTREAM_PORT}}` placeholders (as the site shows them). */
export const renderTemplate = fillPlaceholders;
