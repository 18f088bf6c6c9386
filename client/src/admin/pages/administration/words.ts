/** Words the administration pages share: roles, how a record is managed, yes and no. */
import type { AuthorityRole } from '../../../../../shared/auth-policy.ts';

export const sharedTexts = {
  de: {
    role: { admin: 'Administration', designer: 'Formulargestaltung', sachbearbeitung: 'Sachbearbeitung', auditor: 'Prüfung (Protokoll)' } satisfies Record<
      AuthorityRole | 'admin',
      string
    >,
    managedBy: { file: 'aus Datei', api: 'über die Verwaltung', oidc: 'über OpenID Connect' } as Record<string, string>,
    yes: 'ja',
    no: 'nein',
    none: '—',
    noneChosen: '— keine —',
    fromFile:
      'Dieser Eintrag stammt aus der Provisionierungsdatei der Installation. Er kann nur dort geändert werden; hier ist er nur zu lesen.',
    save: 'Speichern',
    saved: 'Gespeichert.',
    back: 'Zurück zur Liste',
    edit: 'Bearbeiten',
    delete: 'Löschen',
    confirmDelete: 'Ja, löschen',
    deleted: 'Gelöscht.',
  },
  en: {
    role: { admin: 'Administration', designer: 'Form design', sachbearbeitung: 'Casework', auditor: 'Audit' } satisfies Record<
      AuthorityRole | 'admin',
      string
    >,
    managedBy: { file: 'from file', api: 'in the back office', oidc: 'through OpenID Connect' } as Record<string, string>,
    yes: 'yes',
    no: 'no',
    none: '—',
    noneChosen: '— none —',
    fromFile: 'This record comes from the installation’s provisioning file. It can only be changed there; here it is read-only.',
    save: 'Save',
    saved: 'Saved.',
    back: 'Back to the list',
    edit: 'Edit',
    delete: 'Delete',
    confirmDelete: 'Yes, delete',
    deleted: 'Deleted.',
  },
};

export const roleName = (words: (typeof sharedTexts)['de'], role: string) => (words.role as Record<string, string>)[role] ?? role;
