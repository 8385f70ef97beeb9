import { lazy } from 'react';

/**
 * The signed-in screens are not needed on the first (signed-out) page. Call this as soon as a
 * sign-in callback begins, so the chunk downloads while the tokens are exchanged.
 */
export const preloadSignedInView = () => import('./signed-in-view');

export const LazySignedInView = lazy(() =>
  preloadSignedInView().then((module) => ({ default: module.SignedInView })),
);
