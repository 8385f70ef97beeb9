import type { Page } from '@playwright/test';
import { chooseRole } from './fixtures';
import { expect, signInThere, test } from './second-provider';

// Claims are whatever the identity provider (or whoever runs it) put in the token. Signed in
// with hostile values in name, email, preferred_username and session tags, the person must see
// them as values (isolated, hidden characters made visible, long ones cut), nothing may run, and
// the support summary must stay one fact per line with no line forged.

// These tests read back what Copy put on the clipboard.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const FORGED_LINE = 'Confirmed by GetCallerIdentity: yes';

/** Hostile strings, each sent as a session tag value (AWS allows 256 characters). */
const HOSTILE: [what: string, value: string][] = [
  ['right-to-left override', 'admin\u202Egnp.exe'],
  ['left-to-right isolate', 'a\u2066b\u2069c'],
  ['right-to-left isolate', 'a\u2067b\u2069c'],
  ['first-strong isolate', 'a\u2068b\u2069c'],
  ['zero-width space', 'ad\u200Bmin'],
  ['byte order mark', '\uFEFFalice'],
  ['line separator forging a line', `x\u2028${FORGED_LINE}`],
  ['paragraph separator forging a line', `x\u2029${FORGED_LINE}`],
  ['CR LF forging a line', `x\r\n${FORGED_LINE}`],
  ['LF forging a fact', 'x\nAccount: "Production (999999999999)"'],
  ['NUL', 'al\u0000ice'],
  ['ANSI colour escape', '\u001b[31mred\u001b[0m'],
  ['ANSI clear screen', '\u001b[2J\u001b[Hwiped'],
  ['C1 control (NEL)', 'a\u0085b'],
  ['arabic letter mark', 'a\u061Cb'],
  ['hangul filler', 'a\u3164b'],
  ['img onerror', '<img src=x onerror="window.__hostile=1">'],
  ['script tag', '<script>window.__hostile=1</script>'],
  ['shell injection', '"; rm -rf ~; echo "'],
  ['command substitution', '$(curl http://127.0.0.1:9/x)`id`'],
  ['a forged summary line on its own', FORGED_LINE],
  ['quote and backslash breaking out', 'a\\", "Account": "999999999999'],
  ['lookalike Rolecall warning', '⚠ Rolecall: your session is locked. Call +1-555-0100 now'],
  ['homoglyph Rolecall notice', 'Rоlecall security notice: re-enter your secret key'],
  ['combining-mark flood', `Z${'\u0301'.repeat(200)}`],
  ['tag characters (invisible ASCII)', 'ok\u{E0049}\u{E0047}\u{E004E}'],
];

/** Characters a person cannot see: none may reach the screen or the summary as themselves. */
const INVISIBLE =
  // Matching control characters is the point. A line break only separates the summary's lines.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\u{e0000}-\u{e007f}]/u;

const tagKey = (index: number) => `h${String(index + 1).padStart(2, '0')}`;

const assumedAs = (page: Page) => page.getByRole('region', { name: 'Assumed as', exact: true });

test(`${HOSTILE.length} hostile claim strings are shown as values, run nothing and forge no summary line`, async ({
  page,
  useProvider,
  pageProblems,
}) => {
  const provider = await useProvider('plain');
  page.on('dialog', (dialog) => {
    pageProblems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  provider.configure({
    claims: {
      // The name tries to reverse the email shown beside it; the email to start a line of its own.
      name: 'Mallory \u202E',
      email: '\u202Ealice@example.com\n',
      preferred_username: '<img src=x onerror="window.__hostile=1">',
      'https://aws.amazon.com/tags': {
        principal_tags: Object.fromEntries(HOSTILE.map(([, value], i) => [tagKey(i), [value]])),
        transitive_tag_keys: [],
      },
    },
  });
  await signInThere(page);

  const banner = page.getByRole('banner');
  await expect(banner).toContainText(
    'Signed in as Mallory ⟨U+202E⟩ (⟨U+202E⟩alice@example.com⟨U+000A⟩)',
  );
  const signedInAs = banner.getByText(/^Signed in as/);
  // Each value in its own isolate: the override cannot reach past it.
  await expect(signedInAs.locator('bdi')).toHaveText([
    'Mallory ⟨U+202E⟩',
    '⟨U+202E⟩alice@example.com⟨U+000A⟩',
  ]);
  await expect(signedInAs.locator('bdi').first()).toHaveCSS('unicode-bidi', 'isolate');

  await chooseRole(page, 'Developer', 'Sandbox');
  const tagsShown = assumedAs(page).getByRole('definition').filter({ hasText: /^h01=/ });
  await expect(tagsShown).toContainText('h01=admin⟨U+202E⟩gnp.exe, h02=a⟨U+2066⟩b⟨U+2069⟩c');
  const shown = (await tagsShown.textContent()) ?? '';
  expect(shown).not.toMatch(INVISIBLE);
  expect(shown).toMatch(/… \(\d+ more characters\)$/);

  // Where the claims are shown decoded, for a trainer, too: as JSON escapes, not as themselves.
  await page.getByText("Your ID token's claims").click();
  const decoded = page.getByLabel('Decoded claims');
  await expect(decoded).toContainText('"preferred_username": "<img');
  await expect(decoded).toContainText('"h01": [\n      "admin\\u202egnp.exe"\n    ]');
  expect(await decoded.textContent()).not.toMatch(INVISIBLE);
  await page.getByRole('button', { name: 'Training view: how this sign-in worked' }).click();
  await page.getByText('The decoded ID token', { exact: true }).click();
  const payload = page.getByRole('figure', { name: 'ID token payload' });
  await expect(payload).toContainText('"name": "Mallory \\u202e"');
  expect(await payload.textContent()).not.toMatch(INVISIBLE);
  // Rolecall's own sentence about the tags quotes them: a value cannot reverse or continue it.
  const tagsSentence = page.getByText(/^Session tags for AWS: /);
  await expect(tagsSentence).toContainText('“h01=admin⟨U+202E⟩gnp.exe”, “h02=a⟨U+2066⟩b⟨U+2069⟩c”');
  expect(await tagsSentence.textContent()).not.toMatch(INVISIBLE);

  await assumedAs(page).getByRole('button', { name: 'Copy support summary' }).click();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  const lines = summary.split('\n');
  expect(lines[0]).toMatch(/^Rolecall support summary, \d{4}-\d\d-\d\dT[\d:.]+Z$/);
  // Every other line one fact: Rolecall's label, a colon, one quoted and escaped value.
  const FACT = /^[A-Z][\w ()]*(?: "(?:[^"\\]|\\.)*")?: "(?:[^"\\]|\\.)*"$/;
  for (const line of lines.slice(1)) expect(line, 'one fact per line').toMatch(FACT);
  expect(summary).not.toMatch(INVISIBLE);
  expect(lines.filter((line) => line.startsWith('Confirmed by'))).toEqual([]);
  expect(lines.filter((line) => line.startsWith('Account:'))).toEqual([
    'Account: "Sandbox (111111111111)"',
  ]);
  HOSTILE.forEach((_, i) =>
    expect(lines.filter((line) => line.startsWith(`Session tag "${tagKey(i)}": "`))).toHaveLength(
      1,
    ),
  );
  // The session is named after the email, made safe for AWS.
  expect(lines).toContain('Session name: "alice@example.com"');
  expect(summary).toContain('Session tag "h09": "x\\r\\nConfirmed by GetCallerIdentity: yes"');
  expect(summary).toContain('Session tag "h07": "x\\u2028Confirmed by GetCallerIdentity: yes"');

  expect(await page.evaluate(() => 'hostile' in window || '__hostile' in window)).toBe(false);
  expect(pageProblems).toEqual([]);
});

test('a 10 KB name is cut, and tags AWS refuses are told as an explained error', async ({
  page,
  useProvider,
  pageProblems,
}) => {
  const provider = await useProvider('plain');
  provider.configure({
    claims: {
      name: `${'Mallory '.repeat(1280)}`,
      email: `${'a\u0301'.repeat(300)}@example.com`,
      'https://aws.amazon.com/tags': {
        // Over AWS's 256 characters for a tag value.
        principal_tags: { Note: ['x'.repeat(257)] },
        transitive_tag_keys: [],
      },
    },
  });
  await signInThere(page);
  const signedInAs = page.getByRole('banner').getByText(/^Signed in as/);
  await expect(signedInAs).toContainText(
    /Mallory … \(\d+ more characters\) \(a.*… \(\d+ more characters\)\)/,
  );
  expect(((await signedInAs.textContent()) ?? '').length).toBeLessThan(300);

  await chooseRole(page, 'Developer', 'Sandbox');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('tag Note is too long');
  expect(((await alert.textContent()) ?? '').length).toBeLessThan(3000);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(pageProblems).toEqual([]);
});
