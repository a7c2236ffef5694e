/**
 * /docs pieces without a client: who may manage documents (Manage Server, or
 * DOCS_ADMIN_ROLE by id or name), the document: choices and how a typed
 * value is read back, and the result wording.
 */
import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { addedMessage, isDocsAdmin } from '../../src/discord/commands/docs.js';
import { chosenDocument, documentChoices } from '../../src/discord/commands/document-option.js';
import { UserError } from '../../src/errors.js';

const member = (roles: string[], perms: bigint = 0n) => ({
  memberPermissions: new PermissionsBitField(perms),
  member: { roles } as never,
  guild: { roles: { cache: new Map([['700000000000000001', { id: '700000000000000001', name: 'Librarians' }]]) as never } } as never,
});
// discord.js Collection has find(); a Map does not — give the cache a find.
const withFind = (m: ReturnType<typeof member>) => {
  const cache = (m.guild as { roles: { cache: Map<string, { id: string; name: string }> } }).roles.cache;
  Object.assign(cache, { find: (f: (r: { id: string; name: string }) => boolean) => [...cache.values()].find(f) });
  return m;
};

describe('isDocsAdmin', () => {
  it('given Manage Server, then allowed with or without a role configured', () => {
    expect(isDocsAdmin(withFind(member([], PermissionFlagsBits.ManageGuild)), undefined)).toBe(true);
    expect(isDocsAdmin(withFind(member([], PermissionFlagsBits.ManageGuild)), 'Librarians')).toBe(true);
  });
  it('given neither the permission nor the role, then refused', () => {
    expect(isDocsAdmin(withFind(member(['700000000000000009'])), undefined)).toBe(false);
    expect(isDocsAdmin(withFind(member(['700000000000000009'])), 'Librarians')).toBe(false);
  });
  it('given DOCS_ADMIN_ROLE by name or by id, then a member with that role is allowed', () => {
    expect(isDocsAdmin(withFind(member(['700000000000000001'])), 'librarians')).toBe(true);
    expect(isDocsAdmin(withFind(member(['700000000000000001'])), '700000000000000001')).toBe(true);
  });
});

const docs = [
  { id: 'riverside-library-annual-report-1a2b3c4d', title: 'Riverside Library Annual Report' },
  { id: 'memo-9f8e7d6c', title: 'Memo on the Harbour Clean-up' },
  { id: 'memo-11111111', title: 'Memo on the Budget' },
];
const ix = (value: string | null) => ({ options: { getString: () => value } }) as never;
const ctx = { engine: { documents: () => docs } } as never;

describe('document: option', () => {
  it('given typed text, then choices are the titles containing it, with ids as values', () => {
    expect(documentChoices(docs, 'HARB')).toEqual([{ name: 'Memo on the Harbour Clean-up', value: 'memo-9f8e7d6c' }]);
    expect(documentChoices(docs, '')).toHaveLength(3);
  });
  it('given a picked id, an exact title or a unique beginning, then the document id; an ambiguous or unknown one is a clear error', () => {
    expect(chosenDocument(ix('memo-9f8e7d6c'), ctx)).toBe('memo-9f8e7d6c');
    expect(chosenDocument(ix('riverside library annual report'), ctx)).toBe('riverside-library-annual-report-1a2b3c4d');
    expect(chosenDocument(ix('Memo on the B'), ctx)).toBe('memo-11111111');
    expect(chosenDocument(ix(null), ctx)).toBeUndefined();
    expect(() => chosenDocument(ix('Memo'), ctx)).toThrow(UserError);
    expect(() => chosenDocument(ix('Annual accounts'), ctx)).toThrow(/no document called “Annual accounts”/);
  });
});

describe('addedMessage', () => {
  it('given a PDF and a DOCX entry, then pages only for the PDF, singular and plural right', () => {
    const base = { id: 'x', file: 'f', bytes: 1, addedBy: 'u', addedAt: '2026-01-01T00:00:00Z' };
    expect(addedMessage({ ...base, title: 'Report', name: 'report.pdf', pages: 3, paragraphs: 7, quotations: 1 })).toBe(
      'Added “Report” (report.pdf): 3 pages, 7 paragraphs, 1 quotation found. Ask about it with /ask — choose it under document: to ask it alone.',
    );
    expect(addedMessage({ ...base, title: 'Memo', name: 'memo.docx', paragraphs: 1, quotations: 0 })).toMatch(/^Added “Memo” \(memo\.docx\): 1 paragraph, 0 quotations found\./);
  });
});
