import { useQuery } from '@tanstack/react-query';
import { useConfig } from '../../config/config-context';
import { useSts } from '../../lib/aws/sts-context';
import type { SignedInPerson } from '../../lib/auth/use-auth-session';
import type { RoleOption } from '../roles/role-catalog';
import { sessionQueries } from './session-queries';

/** The assumed-role session for one role: assumed on first use, then served from memory. */
export function useRoleSession(role: RoleOption, person: SignedInPerson) {
  const config = useConfig();
  const sts = useSts();
  const claim = person.claims[config.session.sessionNameClaim];
  return useQuery(
    sessionQueries.detail({
      sts,
      subject: person.subject,
      idToken: person.idToken,
      sessionNameSource: typeof claim === 'string' ? claim : person.subject,
      durationSeconds: config.session.durationSeconds,
      role,
    }),
  );
}
