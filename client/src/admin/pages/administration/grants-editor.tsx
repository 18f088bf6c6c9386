/**
 * Roles × authorities of an account: one row per grant with a role and an authority chooser
 * (fed by `/api/admin/authorities`) and a remove button; problems at `/grants/<i>/…`.
 */
import { authorityRoles } from '../../../../../shared/auth-policy.ts';
import { useTexts } from '../../use-texts.ts';
import { SelectField } from '../../components/fields.tsx';
import type { FormState } from '../../components/form-state.ts';
import type { Authority, GrantRow } from './types.ts';
import { roleName, sharedTexts } from './words.ts';

const texts = {
  de: {
    legend: 'Rollen je Behörde',
    none: 'Keine Rolle vergeben.',
    role: (n: number) => `Rolle ${n}`,
    authority: (n: number) => `Behörde zu Rolle ${n}`,
    remove: (n: number) => `Rolle ${n} entfernen`,
    add: 'Rolle hinzufügen',
  },
  en: {
    legend: 'Roles per authority',
    none: 'No role given.',
    role: (n: number) => `Role ${n}`,
    authority: (n: number) => `Authority of role ${n}`,
    remove: (n: number) => `Remove role ${n}`,
    add: 'Add a role',
  },
};

/** Labels of the grant fields for the error summary. */
export function useGrantLabels(count: number): Record<string, string> {
  const words = useTexts(texts);
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [
      [`/grants/${i}/role`, words.role(i + 1)],
      [`/grants/${i}/authority`, words.authority(i + 1)],
    ]).flat(),
  );
}

interface GrantsEditorProps {
  form: FormState;
  grants: GrantRow[];
  authorities: Authority[];
  onChange(grants: GrantRow[]): void;
}

export function GrantsEditor({ form, grants, authorities, onChange }: GrantsEditorProps) {
  const words = useTexts(texts);
  const shared = useTexts(sharedTexts);
  const replace = (index: number, grant: GrantRow) => onChange(grants.map((g, i) => (i === index ? grant : g)));
  return (
    <fieldset className="section grants">
      <legend className="section__legend">{words.legend}</legend>
      {grants.length === 0 && <p>{words.none}</p>}
      {grants.map((grant, i) => (
        <div className="grants__row" key={i}>
          <SelectField
            form={form}
            pointer={`/grants/${i}/role`}
            label={words.role(i + 1)}
            value={grant.role}
            options={authorityRoles.map((role) => ({ value: role, label: roleName(shared, role) }))}
            onChange={(role) => replace(i, { ...grant, role })}
          />
          <SelectField
            form={form}
            pointer={`/grants/${i}/authority`}
            label={words.authority(i + 1)}
            value={grant.authority}
            options={authorities.map((a) => ({ value: a.id, label: `${a.name} (${a.id})` }))}
            onChange={(authority) => replace(i, { ...grant, authority })}
          />
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(grants.filter((_, j) => j !== i))}>
            {words.remove(i + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--secondary"
        disabled={authorities.length === 0}
        onClick={() => onChange([...grants, { role: 'sachbearbeitung', authority: authorities[0]?.id ?? '' }])}
      >
        {words.add}
      </button>
    </fieldset>
  );
}
