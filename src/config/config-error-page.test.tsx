import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ExplainedError } from '../utils/explained-error';
import { ConfigErrorPage } from './config-error-page';

describe('ConfigErrorPage', () => {
  it('names each bad field and what it expects', () => {
    render(
      <ConfigErrorPage
        error={
          new ExplainedError({
            source: 'config',
            operation: 'load /config.json',
            code: 'InvalidConfig',
            title: '/config.json has 1 problem',
            hint: 'Fix it and reload.',
            retryable: false,
          })
        }
        problems={[{ field: 'accounts[1].id', message: 'must be the 12-digit AWS account id' }]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('/config.json has 1 problem. Fix it and reload.');
    expect(alert).toHaveTextContent('accounts[1].id must be the 12-digit AWS account id');
  });
});
