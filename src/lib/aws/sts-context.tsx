import { createContext, useContext, type ReactNode } from 'react';
import type { StsGateway } from './sts-gateway';

const StsContext = createContext<StsGateway | undefined>(undefined);

/** Hands the app's single STS gateway to the features that call AWS. */
export function StsProvider({ gateway, children }: { gateway: StsGateway; children: ReactNode }) {
  return <StsContext value={gateway}>{children}</StsContext>;
}

export function useSts(): StsGateway {
  const gateway = useContext(StsContext);
  if (!gateway) throw new Error('useSts must be used inside <StsProvider>');
  return gateway;
}
