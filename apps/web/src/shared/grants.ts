import type { Grant } from '@jixiao/contracts';
import type { TFunction } from 'i18next';

type GrantLike = Pick<Grant, 'role' | 'scopeType' | 'orgNodeId' | 'orgNodeName' | 'systemId' | 'refs'>;

export function roleLabel(t: TFunction, role: string): string {
  return t(`roles.${role}`, { defaultValue: role });
}

/** "组织：财政局", "体系：市直机关", "全局"… */
export function scopeLabel(
  t: TFunction,
  g: GrantLike,
  systemName?: (id: number) => string | undefined,
): string {
  switch (g.scopeType) {
    case 'global':
      return t('scope.global');
    case 'org':
      return t('scope.org', { name: g.orgNodeName ?? `#${g.orgNodeId}` });
    case 'system':
      return t('scope.system', {
        name: (g.systemId != null && systemName?.(g.systemId)) || `#${g.systemId}`,
      });
    case 'indicators':
      return t('scope.indicators', { refs: g.refs.join(', ') });
    case 'objects':
      return t('scope.objects', { refs: g.refs.join(', ') });
    default:
      return String(g.scopeType);
  }
}
