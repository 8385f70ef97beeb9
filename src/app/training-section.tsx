import type { RoleOption } from '../features/roles/role-catalog';
import type { AppServices } from './services';

/** The training view, loaded only when someone opens it. */
export function TrainingSection(props: {
  services: AppServices;
  issuer: string;
  role?: RoleOption;
}) {
  void props;
  return null;
}
