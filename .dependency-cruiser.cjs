// The layer rule (core <- data <- ui/app <- front ends <- ui/main.ts), checked by `npm run lint:deps`.
const FRONT_ENDS = '^src/ui/(cli|tui|reproduce|bench|sweep)/';
// Node built-ins that reach files, processes, threads or terminals: core stays pure math and training control.
const NODE_IO =
  '^(node:)?(fs|fs/promises|path|path/posix|path/win32|child_process|worker_threads|cluster|readline|readline/promises|tty|os|process|net|dgram|http|https|http2|repl)$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-to-data-or-ui',
      comment: 'src/core is math and training control: it imports nothing from src/data or src/ui.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(data|ui)/' },
    },
    {
      name: 'core-no-node-io',
      comment:
        'src/core touches no files, processes or terminals. buildKernel.mjs is the build step that compiles the kernel, not a module of core.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '^src/core/kernel/buildKernel\\.mjs$' },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'data-not-to-ui',
      comment: 'src/data reads and writes bytes for any front end: it imports nothing from src/ui.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'app-not-to-front-ends',
      comment: 'src/ui/app is what every front end shares: it imports no front end.',
      severity: 'error',
      from: { path: '^src/ui/app/' },
      to: { path: FRONT_ENDS },
    },
    {
      name: 'front-end-not-to-other-front-end',
      comment:
        'A front end (cli, tui, reproduce, bench, sweep) imports no other front end: shared code goes to src/ui/app ' +
        "(the train flags and planner, the sweep engine in app/sweep/, used by the sweep command and the dashboard's sweep screen).",
      severity: 'error',
      from: { path: FRONT_ENDS },
      to: { path: FRONT_ENDS, pathNot: '^src/ui/$1/' },
    },
    {
      name: 'only-main-composes-front-ends',
      comment: 'src/ui/main.ts is the one composition root: no other module outside a front end imports one.',
      severity: 'error',
      from: { path: '^src/', pathNot: [FRONT_ENDS, '^src/ui/app/', '^src/ui/main\\.ts$'] },
      to: { path: FRONT_ENDS },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-not-to-test',
      comment: 'Shipped code never imports test code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (run `npm run build:wasm` first for src/core/kernel/generated).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // AssemblyScript sources (compiled to WebAssembly by buildKernel.mjs, not imported by TypeScript) and build output.
    exclude: { path: '^(src/core/kernel/assembly/|dist/)' },
    // Type-only imports count too: a layer may not even name the types of a layer above it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
