import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { parse, validate } from 'graphql';
import type { Browser } from 'playwright-core';
import { buildExplorer } from '../../gateway/explorer/build';
import {
  COMPLETE_LOGIN,
  EXAMPLES,
  LOGOUT,
  PARTNER_TOKEN,
  START_LOGIN,
} from '../../gateway/explorer/app/operations';
import { DEMO_PASSWORD, NORTHWIND_ID } from '../../mocks/seed/demo';
import { loadConfig } from '../../system/config';
import { lastCode } from '../../system/kit/sign-in';
import { startTestSystem, type TestSystem } from '../support/system';
import { launchChromium, textOf, waitForResponse } from './chromium';

/**
 * Issue 14 item 2: the self-hosted explorer. A browser opening /graphql gets GraphiQL from the
 * gateway itself, signs in through its panel, runs an example and sees the answer, and the page
 * asks nothing of any other origin (no CDN, no web fonts).
 */

let system: TestSystem;
let browser: Browser;

beforeAll(async () => {
  await buildExplorer();
  // The development defaults, as `npm start` has them (SSM_EXPLORER unset).
  const settings = loadConfig({}, { terminal: false });
  system = await startTestSystem({ explorer: settings.explorer, cors: settings.cors });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await system?.stop();
}, 60_000);

describe('S1 the self-hosted explorer', () => {
  it('S1 signs in through its panel (password, then the code read from the outbox by login id), runs the dashboard example, shows the answer, and loads nothing from another origin', async () => {
    const context = await browser.newContext();
    const requests: string[] = [];
    // The context's events include the page's workers and every sub-resource.
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(system.gatewayUrl);
    // Anonymous first: the catalogue example, run at once after choosing it.
    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.locator('.ssm-examples').getByRole('button', { name: 'Catalogue' }).click();
    await page.locator('.graphiql-execute-button').click();
    const active = system.sims.world.offerings.filter((o) => o.lifecycleStatus === 'ACTIVE');
    await waitForResponse(page, `"totalCount": ${active.length}`);
    expect(await textOf(page, '.graphiql-response')).toContain(`"name": "${active[0].name}"`);

    await page.getByRole('button', { name: 'Show Sign in' }).click();
    await page.getByLabel('Login id').fill('nw.manager');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText(/A one-time code was sent to/).waitFor();
    // As a developer would: the code from the message simulator's outbox, asked by login id.
    const manager = system.sims.world.users.find((u) => u.id === 'nw.manager');
    const outbox = (await (await fetch(`${system.sims.urls.messages}/outbox?login=nw.manager`)).json()) as {
      sentTo: string[];
      code: string | null;
    };
    expect(outbox.sentTo).toEqual([manager?.phone, manager?.email]);
    expect(outbox.code).toBe(lastCode(system, manager?.phone ?? ''));
    expect(await page.getByLabel('One-time code').inputValue()).toBe('');
    await page.getByLabel('One-time code').fill(outbox.code ?? '');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Signed in as nw.manager (MANAGER)').waitFor();
    // The panel wrote the caller into the open tab's headers.
    expect(await textOf(page, '.graphiql-editor-tool')).toContain('"Authorization": "Bearer ');

    await page.getByRole('button', { name: 'Show Examples' }).click();
    await page.locator('.ssm-examples').getByRole('button', { name: 'Manager dashboard' }).click();
    await page.locator('.graphiql-execute-button').click();
    const customer = system.sims.world.customers.find((c) => c.id === NORTHWIND_ID);
    const services = system.sims.world.services.filter((s) => s.customerId === NORTHWIND_ID);
    await waitForResponse(page, `"totalCount": ${services.length}`);
    const response = await textOf(page, '.graphiql-response');
    expect(response).toContain(`"name": "${customer?.name}"`);
    expect(response).toContain(`"role": "MANAGER"`);

    // The docs explorer has the schema (introspected from the gateway).
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

    const gateway = new URL(system.gatewayUrl).origin;
    const elsewhere = requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== gateway);
    expect(elsewhere).toEqual([]);
    expect(requests.some((url) => url.endsWith('/explorer/graphql.worker.js'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  }, 150_000);

  it("the explorer's sign-in documents and examples are valid against the supergraph", () => {
    const sdl = readFileSync(path.join(__dirname, '../../schema/supergraph.graphql'), 'utf8');
    const api = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
    const documents = [START_LOGIN, COMPLETE_LOGIN, PARTNER_TOKEN, LOGOUT, ...EXAMPLES.map((e) => e.query)];
    for (const document of documents)
      expect(validate(api, parse(document)).map((e) => e.message)).toEqual([]);
    expect(EXAMPLES.map((e) => e.title)).toEqual(['Manager dashboard', 'Catalogue', 'Partner orders']);
  });
});
