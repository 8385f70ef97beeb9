import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { requestExplanation, useExplanationRequests } from './use-explanation-link';

describe('useExplanationRequests', () => {
  it('hears every request while mounted, and none after', () => {
    const onRequest = vi.fn();
    const { unmount } = renderHook(() => useExplanationRequests(onRequest));
    requestExplanation();
    requestExplanation();
    expect(onRequest).toHaveBeenCalledTimes(2);
    unmount();
    requestExplanation();
    expect(onRequest).toHaveBeenCalledTimes(2);
  });
});
