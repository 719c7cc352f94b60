import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_PATHS } from './repo-paths.ts';

/**
 * The site shows copies of the Debian files the reference configurations include. The servers the captures run read
 * the installed files, so a copy that differs would show readers a line the server never read.
 */
describe('copies of Debian configuration files', () => {
  it('configs/debian/fastcgi_params is the installed /etc/nginx/fastcgi_params', () => {
    const copy = readFileSync(`${REPO_PATHS.configs}/debian/fastcgi_params`, 'utf8');
    const installed = readFileSync('/etc/nginx/fastcgi_params', 'utf8');
    expect(copy, 'Debian changed fastcgi_params: copy it again and check the nginx origins').toBe(installed);
  });

  it('configs/debian/uwsgi_params is the installed /etc/nginx/uwsgi_params', () => {
    const copy = readFileSync(`${REPO_PATHS.configs}/debian/uwsgi_params`, 'utf8');
    const installed = readFileSync('/etc/nginx/uwsgi_params', 'utf8');
    expect(copy, 'Debian changed uwsgi_params: copy it again and check the nginx-uwsgi origins').toBe(installed);
  });
});
