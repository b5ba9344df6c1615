import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run lint:imports` must fail on a forbidden import: each case plants one in a small tree of
 * its own (the repository's rules, its node_modules) and expects the rule's name in the refusal.
 */

const repo = path.resolve(__dirname, '../..');
const checker = path.join(repo, 'scripts/check-imports.mjs');

type Files = Record<string, string>;

function check(files: Files): { ok: boolean; output: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
  try {
    fs.copyFileSync(path.join(repo, '.dependency-cruiser.js'), path.join(root, '.dependency-cruiser.js'));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
    const tsconfig = { compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } };
    const tree: Files = { 'tsconfig.json': JSON.stringify(tsconfig), ...files };
    for (const [file, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    try {
      const output = execFileSync(process.execPath, [checker], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { ok: true, output };
    } catch (error) {
      return { ok: false, output: String((error as { stderr?: string }).stderr) };
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const contract = {
  'src/domain/contract/things.ts': 'export const Thing = 1;\nexport type Thing = number;\n',
};

it('passes a tree that keeps every lane', () => {
  const result = check({
    ...contract,
    'src/features/a/view.ts':
      "import type { Thing } from '@/domain/contract/things';\nexport const a: Thing = 1;\n",
    'src/lib/shared.ts': 'export const shared = 1;\n',
    'src/features/b/view.ts': "import { shared } from '@/lib/shared';\nexport const b = shared;\n",
    'server/modules/one/one-service.ts':
      "import { rows } from './one-repository';\nexport const one = rows;\n",
    'server/modules/one/one-repository.ts':
      "import { users } from '../../db/schema';\nexport const rows = users;\n",
    'server/db/schema.ts': 'export const users = 1;\n',
  });
  expect(result).toEqual({ ok: true, output: expect.stringContaining('import rules hold') });
});

it.each<[string, Files]>([
  [
    'features-do-not-import-each-other',
    {
      'src/features/a/view.ts': "import { b } from '../b/view';\nexport const a = b;\n",
      'src/features/b/view.ts': 'export const b = 1;\n',
    },
  ],
  [
    'shared-code-imports-no-feature',
    {
      'src/lib/shared.ts': "import { a } from '@/features/a/view';\nexport const shared = a;\n",
      'src/features/a/view.ts': 'export const a = 1;\n',
    },
  ],
  [
    'domain-is-plain-typescript',
    { 'src/domain/rule.ts': "import { useState } from 'react';\nexport const rule = useState;\n" },
  ],
  [
    'contract-types-only-in-the-client',
    {
      ...contract,
      'src/features/a/view.ts':
        "import { Thing } from '@/domain/contract/things';\nexport const a = Thing;\n",
    },
  ],
  [
    'no-typebox-in-the-client',
    {
      'src/lib/schema.ts':
        "import { Type } from '@sinclair/typebox';\nexport const schema = Type.String();\n",
    },
  ],
  [
    'services-reach-tables-through-repositories',
    {
      'server/modules/one/one-service.ts':
        "import { users } from '../../db/schema';\nexport const one = users;\n",
      'server/db/schema.ts': 'export const users = 1;\n',
    },
  ],
  [
    'demo-data-apart-from-production-code',
    {
      'server/modules/one/one-service.ts':
        "import { demo } from '../../db/demo/tips';\nexport const one = demo;\n",
      'server/db/demo/tips.ts': 'export const demo = 1;\n',
    },
  ],
  [
    'no-cycles-between-server-modules',
    {
      'server/modules/one/one-service.ts':
        "import { two } from '../two/two-view';\nexport const one = two;\n",
      'server/modules/two/two-view.ts':
        "import { three } from '../one/one-view';\nexport const two = three;\n",
      'server/modules/one/one-view.ts': 'export const three = 3;\n',
    },
  ],
])('fails on a planted import that breaks %s', (rule, files) => {
  const result = check(files);
  expect(result.ok).toBe(false);
  expect(result.output).toContain(`${rule}:`);
});
