import http from 'node:http';
import type { Browser } from 'playwright-core';
import { close, listen } from '../../lib/http';
import { DEMO_PASSWORD, NORTHWIND_ID } from '../../mocks/seed/demo';
import { loadConfig } from '../../system/config';
import { COMPLETE_LOGIN, START_LOGIN, lastCode } from '../../system/kit/sign-in';
import { startTestSystem, type TestSystem } from '../support/system';
import { launchChromium } from './chromium';

/**
 * Issue 14 item 1: a web app served from another origin signs in and loads the dashboard through
 * the gateway in a real browser. Without CORS the browser's preflight fails and fetch throws.
 */

const DASHBOARD = `query { me { customer { name services(first: 100) { totalCount edges { node { identifier } } } } } }`;

/** A small self-care app: the kit's sign-in documents, fetch, and the dashboard on screen. */
function appPage(apiUrl: string): string {
  const constants = JSON.stringify({ apiUrl, START_LOGIN, COMPLETE_LOGIN, DASHBOARD });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Self-care</title><link rel="icon" href="data:,"></head>
<body>
  <form id="password">
    <label>Login id <input name="actorId"></label>
    <label>Password <input name="password" type="password"></label>
    <button>Send code</button>
  </form>
  <form id="code" hidden>
    <label>Code <input name="code"></label>
    <button>Sign in</button>
  </form>
  <p id="status"></p>
  <section id="dashboard"></section>
  <script>
    const { apiUrl, START_LOGIN, COMPLETE_LOGIN, DASHBOARD } = ${constants};
    const status = document.getElementById('status');
    let challengeId = null;
    async function gql(query, variables, token) {
      const response = await fetch(apiUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: 'Bearer ' + token } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    }
    function fail(error) { status.textContent = 'Failed: ' + error.message; }
    document.getElementById('password').addEventListener('submit', (event) => {
      event.preventDefault();
      const form = new FormData(event.target);
      gql(START_LOGIN, { actorId: form.get('actorId'), password: form.get('password'), channel: 'SMS' })
        .then((reply) => {
          challengeId = reply.data.startLogin.challengeId;
          status.textContent = 'Code sent to ' + reply.data.startLogin.sentTo;
          document.getElementById('code').hidden = false;
        })
        .catch(fail);
    });
    document.getElementById('code').addEventListener('submit', (event) => {
      event.preventDefault();
      const code = new FormData(event.target).get('code');
      gql(COMPLETE_LOGIN, { challengeId, code })
        .then((reply) => gql(DASHBOARD, {}, reply.data.completeLogin.accessToken))
        .then((reply) => {
          const customer = reply.data.me.customer;
          const section = document.getElementById('dashboard');
          const heading = document.createElement('h1');
          heading.textContent = customer.name + ': ' + customer.services.totalCount + ' services';
          const list = document.createElement('ul');
          for (const edge of customer.services.edges) {
            const item = document.createElement('li');
            item.textContent = edge.node.identifier;
            list.append(item);
          }
          section.append(heading, list);
          status.textContent = 'Signed in';
        })
        .catch(fail);
    });
  </script>
</body></html>`;
}

let system: TestSystem;
let app: http.Server;
let appOrigin: string;
let browser: Browser;

beforeAll(async () => {
  // The development defaults, as `npm start` has them (SSM_CORS_ORIGINS unset).
  const settings = loadConfig({}, { terminal: false });
  system = await startTestSystem({ cors: settings.cors });
  app = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(appPage(system.gatewayUrl));
  });
  // Another port and another host name than the gateway's 127.0.0.1: another origin twice over.
  appOrigin = `http://localhost:${await listen(app, 0, '127.0.0.1')}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (app) await close(app);
  await system?.stop();
});

describe('S1 from a browser app on another origin (CORS)', () => {
  it('S1, I2 (web): a page on another origin signs in with password and one-time code, then shows the dashboard', async () => {
    const page = await browser.newPage();
    const answers: { url: string; allowOrigin: string | undefined }[] = [];
    page.on('response', (response) => {
      if (response.url() === system.gatewayUrl)
        answers.push({ url: response.url(), allowOrigin: response.headers()['access-control-allow-origin'] });
    });
    await page.goto(`${appOrigin}/`);
    expect(new URL(page.url()).origin).not.toBe(new URL(system.gatewayUrl).origin);

    await page.getByLabel('Login id').fill('nw.manager');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByText(/^Code sent to/).waitFor();

    const manager = system.sims.world.users.find((u) => u.id === 'nw.manager');
    await page.getByLabel('Code').fill(lastCode(system, manager?.phone ?? ''));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#dashboard h1').waitFor();

    const customer = system.sims.world.customers.find((c) => c.id === NORTHWIND_ID);
    const services = system.sims.world.services.filter((s) => s.customerId === NORTHWIND_ID);
    expect(await page.locator('#status').innerText()).toBe('Signed in');
    expect(await page.locator('#dashboard h1').innerText()).toBe(
      `${customer?.name}: ${services.length} services`,
    );
    const shown = await page.locator('#dashboard li').allInnerTexts();
    expect(shown.sort()).toEqual(services.map((s) => s.identifier).sort());
    // Every API answer the page read named the page's own origin, never `*`.
    expect(answers.length).toBe(3);
    expect(answers.every((a) => a.allowOrigin === appOrigin)).toBe(true);
    await page.close();
  }, 60_000);
});
