import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing), driven by
 * playwright-core: no browser download. The flags keep it from calling home (updates, sync, field
 * trials), so the only traffic is what the page under test makes.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page's visible text with Monaco's non-breaking spaces made plain, for `toContain`. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Waits for GraphiQL's response pane to show `text`; on time-out the error carries what the pane
 * did show, so a failure in CI says whether the answer was wrong, an error, or never came.
 */
export async function waitForResponse(page: Page, text: string, timeout = 45_000): Promise<void> {
  try {
    await page.locator('.graphiql-response').getByText(text).waitFor({ timeout });
  } catch (error) {
    const shown = await textOf(page, '.graphiql-response').catch(() => '(no response pane)');
    throw new Error(`the response pane never showed ${text}; it showed:\n${shown.slice(0, 2000)}`, {
      cause: error,
    });
  }
}
