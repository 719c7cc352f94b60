// Fails loudly when npm scripts would run on a Node.js older than the project needs.
// The `node` devDependency puts Node 24 first on PATH inside npm scripts; if this check fails,
// node_modules is missing or was installed without that package's install script.
const REQUIRED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
  console.error(
    [
      '',
      `✖ Hop by Hop needs Node.js >= ${REQUIRED.join('.')}, but npm scripts are running on ${process.version} (${process.execPath}).`,
      '  The project pins Node 24 through its "node" devDependency. Run `npm ci` (which installs it),',
      '  and make sure install scripts are allowed for "node" (package.json "allowScripts").',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
