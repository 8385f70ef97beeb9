import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseRole, expect, signIn, test } from './fixtures';
import { deniedRunInstances, keysOnPage } from './ec2-denial';

async function openSupport(page: Page) {
  await signIn(page, 'alice');
  await chooseRole(page, 'Developer', 'Sandbox');
  const support = page.getByRole('region', { name: 'Support' });
  await expect(support).toBeVisible();
  await page.getByRole('link', { name: 'Support tools' }).click();
  await expect(support).toBeFocused();
  return support;
}

test('whose key: a session’s ASIA key and the trainer’s AKIA key name their account', async ({
  page,
}) => {
  const support = await openSupport(page);
  const keys = await keysOnPage(page);
  const key = support.getByLabel('Access key id', { exact: true });
  await key.fill(keys.accessKeyId);
  await support.getByRole('button', { name: 'Look up key' }).click();
  await expect(support).toContainText(
    `${keys.accessKeyId} belongs to account 111111111111 (Sandbox)`,
  );
  await expect(support).toContainText('ASIA: temporary credentials from AWS STS');

  await key.fill('AKIAQSANDBOXTRAINER1');
  await support.getByRole('button', { name: 'Look up key' }).click();
  await expect(support).toContainText('AKIAQSANDBOXTRAINER1 belongs to account 111111111111');
  await expect(support).toContainText('AKIA: a long-term key of an IAM user');

  await key.fill('AROAEXAMPLEEXAMPLE12');
  await support.getByRole('button', { name: 'Look up key' }).click();
  await expect(support.getByRole('alert')).toContainText('which is not an access key id');
});

test('why denied: the demo’s denied RunInstances decodes into a readable card beside the JSON', async ({
  page,
}) => {
  const support = await openSupport(page);
  const denial = await deniedRunInstances(await keysOnPage(page));
  expect(denial).toContain('Encoded authorization failure message:');
  await support.getByLabel(/Encoded authorization failure message/).fill(denial);
  await support.getByRole('button', { name: 'Decode message' }).click();
  await expect(support).toContainText('Denied because no policy allows it (no explicit Deny)');
  await expect(support).toContainText('ec2:RunInstances');
  await expect(support).toContainText(/assumed-role\/Developer\//);
  await expect(support).toContainText('Condition ec2:InstanceType');
  await expect(support.getByRole('figure', { name: 'Decoded JSON' })).toContainText(
    '"allowed": false',
  );
  const results = await new AxeBuilder({ page }).include('#support-tools').analyze();
  expect(results.violations).toEqual([]);
});

test('why denied: garbage is said to be no message AWS can read', async ({ page }) => {
  const support = await openSupport(page);
  await support.getByLabel(/Encoded authorization failure message/).fill('not-a-message');
  await support.getByRole('button', { name: 'Decode message' }).click();
  await expect(support.getByRole('alert')).toContainText(
    'This is not an encoded authorization message AWS can read',
  );
});

test('trace: CloudTrail lookups carry the session’s access key id and session name', async ({
  page,
}) => {
  const support = await openSupport(page);
  const keys = await keysOnPage(page);
  await expect(support).toContainText(
    `aws cloudtrail lookup-events --region 'us-east-1' --lookup-attributes AttributeKey=AccessKeyId,AttributeValue='${keys.accessKeyId}'`,
  );
  await expect(support).toContainText(
    "AttributeKey=EventName,AttributeValue='AssumeRoleWithWebIdentity'",
  );
  const link = support.getByRole('link', {
    name: /Open in CloudTrail event history \(Calls made with its access key id\)/,
  });
  await expect(link).toHaveAttribute(
    'href',
    new RegExp(`#/events\\?AccessKeyId=${keys.accessKeyId}$`),
  );
});
