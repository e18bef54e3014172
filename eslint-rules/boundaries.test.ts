// The import-boundary rule refuses what the house forbids and lets the rest through.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from './boundaries.js';

const root = path.resolve(import.meta.dirname, '..');
const file = (p: string) => path.join(root, p);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

describe('ldn/boundaries', () => {
  it('lets a feature use another through its public module, and refuses its inner files', () => {
    tester.run('boundaries', rule, {
      valid: [
        {
          filename: file('src/server/features/updates/service.ts'),
          code: "import { notify } from '../notifications';",
        },
        { filename: file('src/server/features/updates/service.ts'), code: "import { x } from './repo';" },
        { filename: file('src/server/features/initiatives/call/service.ts'), code: "import { y } from '../repo';" },
        { filename: file('src/server/db/tables.ts'), code: "import type { T } from '../features/updates/tables';" },
        { filename: file('src/server/pages/plugin.ts'), code: "import { x } from '../../web/app';" },
        { filename: file('src/web/router.ts'), code: "import { routes } from './features/updates/routes';" },
        {
          filename: file('src/web/features/home/OverviewPage.vue'),
          code: "import Card from '../initiatives/InitiativeCard.vue';",
        },
        {
          filename: file('src/server/features/updates/updates.test.ts'),
          code: "import { x } from '../moderation/repo';",
        },
      ],
      invalid: [
        {
          filename: file('src/server/features/updates/service.ts'),
          code: "import { findX } from '../moderation/repo';",
          errors: 1,
        },
        {
          filename: file('src/server/features/initiatives/call/service.ts'),
          code: "import { a } from '../../guides/service';",
          errors: 1,
        },
        { filename: file('src/server/app.ts'), code: "import { r } from './features/updates/routes';", errors: 1 },
        {
          filename: file('src/web/features/home/load.ts'),
          code: "import { r } from '../../../server/http/errors';",
          errors: 1,
        },
        {
          filename: file('src/server/features/moderation/guard.ts'),
          code: "import { f } from '../../../web/ui/list';",
          errors: 1,
        },
        { filename: file('src/contracts/time.ts'), code: "import { f } from '../server/config';", errors: 1 },
        {
          filename: file('src/web/features/home/load.ts'),
          code: "import { f } from '../initiatives/load';",
          errors: 1,
        },
      ],
    });
  });
});
