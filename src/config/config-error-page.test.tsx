import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfigErrorPage } from './config-error-page';

describe('ConfigErrorPage', () => {
  it('names each bad field and what it expects', () => {
    render(
      <ConfigErrorPage
        summary="/config.json has 1 problem. Fix it and reload."
        problems={[{ field: 'accounts[1].id', message: 'must be the 12-digit AWS account id' }]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('/config.json has 1 problem');
    expect(alert).toHaveTextContent('accounts[1].id must be the 12-digit AWS account id');
  });
});
