// Shared axe-core check for the browser E2E: WCAG 2.1 A/AA rules on the page as it is, with a readable failure list.
import { AxeBuilder } from '@axe-core/playwright';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** When set (a file path), violations are appended there as JSON lines instead of failing: used to measure. */
const MEASURE_FILE = process.env.CLSPD_AXE_MEASURE;

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe on the page (or on one part of it) and returns the violations in a compact form. */
export async function axeFindings(page: Page, include?: string): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' ') })),
  }));
}

/** One line per failing element, grouped by rule: what a developer needs to fix it. */
export function formatFindings(where: string, findings: AxeFinding[]): string {
  const lines = [`axe-core: ${findings.reduce((n, f) => n + f.nodes.length, 0)} violation(s) on « ${where} »`];
  for (const f of findings) {
    lines.push(`- ${f.rule} (${f.impact}): ${f.help}`);
    for (const n of f.nodes.slice(0, 12)) lines.push(`    ${n.target} — ${n.summary}`);
    if (f.nodes.length > 12) lines.push(`    … ${f.nodes.length - 12} more`);
  }
  return lines.join('\n');
}

/** Fails the test with the list of violations found on the current state of the page. */
export async function expectAccessible(page: Page, where: string, include?: string): Promise<void> {
  // Let transitions (dialogs, menus) settle so colours are measured on the final state.
  await page.waitForTimeout(250);
  const findings = await axeFindings(page, include);
  if (MEASURE_FILE) {
    mkdirSync(dirname(MEASURE_FILE), { recursive: true });
    const counts = Object.fromEntries(findings.map((f) => [f.rule, f.nodes.length]));
    appendFileSync(MEASURE_FILE, `${JSON.stringify({ where, counts })}\n`);
    return;
  }
  expect(findings.length === 0 ? '' : formatFindings(where, findings), `axe-core on « ${where} »`).toBe('');
}

export const MEASURE_DIR = join(__dirname, '..', '..', 'artifacts');
