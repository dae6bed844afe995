import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY, INDEXES, TABLE_DESIGN, digestSentItem } from '../../lib/store/table-design.js';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/table-design.md'), 'utf8');

describe('table design', () => {
  it('documents exactly the indexes the store and the stack use', () => {
    expect(TABLE_DESIGN.indexes.map((i) => i.name)).toEqual(Object.values(INDEXES));
    const documented = [...new Set(doc.match(/\| (GSI\d) \|/g)?.map((cell) => cell.slice(2, -2)))];
    expect(documented).toEqual(Object.values(INDEXES));
  });

  it('documents every entity the store writes', () => {
    expect(TABLE_DESIGN.items.map((i) => i.entity).sort()).toEqual(Object.values(ENTITY).sort());
    for (const entity of Object.values(ENTITY)) expect(doc, entity).toContain(`| ${entity} `);
  });

  it('builds the digest ledger item here, under its own partition', () => {
    expect(digestSentItem('Acme#2025-07-06#2025-07-13', 'msg-1', '2025-07-13T07:00:00.000Z')).toEqual({
      PK: 'DIGEST#Acme#2025-07-06#2025-07-13',
      SK: 'SENT',
      entity: 'DIGEST_SENT',
      idempotencyKey: 'Acme#2025-07-06#2025-07-13',
      messageId: 'msg-1',
      sentAt: '2025-07-13T07:00:00.000Z',
    });
  });
});
