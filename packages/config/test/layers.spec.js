import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import ts from 'typescript-eslint';
import { layersPlugin } from '../../../.eslint/layers.js';

const repoRoot = decodeURIComponent(new URL('../../..', import.meta.url).pathname).replace(/\/$/, '');
const linter = new Linter({ configType: 'flat', cwd: repoRoot });
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: ts.parser },
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
];

/** What the linter says about one import line written in the file at `path` (the layer rule's refusals). */
const problems = (path, line) =>
  linter.verify(line, config, { filename: `${repoRoot}/${path}` }).map((m) => {
    // Anything else (no config matched the file, a parse error) would make a refusal look like a pass.
    expect(m.ruleId, m.message).toBe('layers/imports');
    return m.message;
  });

describe('the layers rule', () => {
  it('lets each part import what the list of parts allows', () => {
    expect(problems('apps/server/src/x.ts', "import { repo } from '@clinicflow/db';")).toEqual([]);
    expect(problems('apps/kiosk/src/x.ts', "import { z } from '@clinicflow/contracts';")).toEqual([]);
    expect(problems('packages/domain/src/x.spec.ts', "import fc from 'fast-check';")).toEqual([]);
    expect(problems('apps/server/src/modules/x/y.ts', "import '../../platform/handler';")).toEqual([]);
  });

  it('refuses a workspace package the part may not use, subpaths too', () => {
    expect(problems('apps/kiosk/src/x.ts', "import { repo } from '@clinicflow/db';")).toHaveLength(1);
    expect(problems('apps/kiosk/src/x.ts', "import { t } from '@clinicflow/db/testing';")).toHaveLength(1);
    expect(
      problems('apps/wallboard/src/x.ts', "import type { C } from '@clinicflow/contracts';"),
    ).toHaveLength(1);
  });

  it('refuses server-only packages in browser code, and any library in the domain but its pure calculator', () => {
    expect(problems('packages/ui/src/x.ts', "import { eq } from 'drizzle-orm/sql';")).toHaveLength(1);
    expect(problems('apps/console/src/x.ts', "import { Server } from 'socket.io';")).toHaveLength(1);
    expect(problems('packages/domain/src/x.ts', "import { z } from 'zod';")).toHaveLength(1);
    expect(problems('packages/domain/src/x.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(problems('packages/domain/src/x.ts', "import * as rrule from 'rrule';")).toEqual([]);
  });

  it('keeps relative imports inside their package, and the platform out of the modules', () => {
    expect(problems('packages/ui/src/x.ts', "import '../../../apps/kiosk/src/lib/messages';")).toHaveLength(
      1,
    );
    expect(
      problems('packages/realtime-client/src/x.ts', "export * from '../../../apps/console/src/a';"),
    ).toHaveLength(1);
    expect(
      problems('apps/server/src/platform/x.ts', "import '../modules/visits/visit.handlers';"),
    ).toHaveLength(1);
    expect(problems('e2e/x.spec.ts', "import { en } from '../apps/kiosk/src/lib/i18n/en';")).toEqual([]);
  });
});
