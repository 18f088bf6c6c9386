/**
 * `/admin/antraege/:id`: one application in full: its processing status (and the form to change
 * it), the answers in words, the files, the deliveries with their messages, the letters (and the
 * panel to answer by letter), its retention and its audit entries. An application of another
 * authority is "not found", exactly like one that does not exist.
 */
import { useCallback } from 'react';
import { ApiError } from '../../api/http.ts';
import { Answers } from '../../form/answers.tsx';
import { useLanguage } from '../../language.tsx';
import { LoadFailed, Loading } from '../../layout/load-states.tsx';
import { PageHeading } from '../../layout/page-heading.tsx';
import { Link } from '../../routing/router.tsx';
import { formatBytes, formatShortDateTime, formatShortDate } from '../../../../shared/form-view/format.ts';
import type { AdminPageProps } from '../admin-app.tsx';
import { useAdminApi } from '../admin-api.ts';
import { Facts } from '../components/facts.tsx';
import { useSession } from '../session.tsx';
import { useTexts } from '../use-texts.ts';
import { AuditSection } from './applications/audit-section.tsx';
import { DeliveriesSection } from './applications/deliveries-section.tsx';
import { LetterPanel } from './applications/letter-panel.tsx';
import { LettersSection } from './applications/letters-section.tsx';
import { StatusSection } from './applications/status-section.tsx';
import type { SubmissionDetail } from './applications/types.ts';
import { useLoad } from './operations/use-load.ts';

const texts = {
  de: {
    title: (reference: string) => `Antrag ${reference}`,
    loadingTitle: 'Antrag',
    notFoundTitle: 'Antrag nicht gefunden',
    notFoundText: 'Diesen Antrag gibt es nicht, oder er gehört nicht zu Ihren Behörden.',
    back: 'Zurück zu den Anträgen',
    facts: { form: 'Formular', version: 'Version', authority: 'Behörde', submitted: 'Eingegangen', language: 'Sprache des Antrags', eraseAfter: 'Wird gelöscht am' },
    languages: { de: 'Deutsch', en: 'Englisch' } as Record<string, string>,
    retention: 'Nach diesem Tag löscht die regelmäßige Löschung den Antrag mit seinen Dateien und Briefen; die Frist legt das Formular fest.',
    answers: 'Angaben',
    files: 'Dateien und Eingangsbestätigung',
    noFiles: 'Keine Dateien hochgeladen.',
    filesCaption: (n: number) => `Hochgeladene Dateien (${n})`,
    filesRegion: 'Tabelle der Dateien',
    fileName: 'Datei',
    size: 'Größe',
    checksum: 'SHA-256',
    download: 'Herunterladen',
    receipt: 'Eingangsbestätigung (PDF)',
  },
  en: {
    title: (reference: string) => `Application ${reference}`,
    loadingTitle: 'Application',
    notFoundTitle: 'Application not found',
    notFoundText: 'This application does not exist, or it does not belong to your authorities.',
    back: 'Back to the applications',
    facts: { form: 'Form', version: 'Version', authority: 'Authority', submitted: 'Received', language: "Applicant's language", eraseAfter: 'Erased on' },
    languages: { de: 'German', en: 'English' } as Record<string, string>,
    retention: 'After this day the periodic erasure deletes the application with its files and letters; the form sets the period.',
    answers: 'Answers',
    files: 'Files and receipt',
    noFiles: 'No files uploaded.',
    filesCaption: (n: number) => `Uploaded files (${n})`,
    filesRegion: 'Table of files',
    fileName: 'File',
    size: 'Size',
    checksum: 'SHA-256',
    download: 'Download',
    receipt: 'Receipt (PDF)',
  },
};

export function ApplicationPage({ params }: AdminPageProps) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const id = params.id!;
  const path = `/api/admin/submissions/${encodeURIComponent(id)}`;
  const [state, retry, replace] = useLoad(() => api.get<SubmissionDetail>(path), path);
  // After a change the page is read again in place: no loading state, the focus stays.
  const refresh = useCallback(() => api.get<SubmissionDetail>(path).then(replace), [api, path, replace]);

  if (state.kind === 'loading')
    return (
      <>
        <PageHeading title={words.loadingTitle} />
        <Loading />
      </>
    );
  if (state.kind === 'failed') {
    if (state.error instanceof ApiError && state.error.status === 404)
      return (
        <>
          <PageHeading title={words.notFoundTitle} />
          <p>{words.notFoundText}</p>
          <p>
            <Link to="/admin/antraege">{words.back}</Link>
          </p>
        </>
      );
    return (
      <>
        <PageHeading title={words.loadingTitle} />
        <LoadFailed error={state.error} retry={retry} />
      </>
    );
  }
  return <ApplicationView detail={state.value} refresh={refresh} />;
}

function ApplicationView({ detail, refresh }: { detail: SubmissionDetail; refresh(): Promise<void> }) {
  const words = useTexts(texts);
  const { lang } = useLanguage();
  const session = useSession();
  const authorityId = detail.authority?.id ?? null;
  return (
    <>
      <PageHeading title={words.title(detail.reference)} />
      <p>
        <Link to="/admin/antraege">{words.back}</Link>
      </p>
      <Facts
        rows={[
          [words.facts.form, detail.formTitle],
          [words.facts.version, String(detail.formVersion)],
          [words.facts.authority, detail.authority?.name],
          [words.facts.submitted, formatShortDateTime(detail.submittedAt, lang)],
          [words.facts.language, words.languages[detail.language] ?? detail.language],
          [words.facts.eraseAfter, formatShortDate(detail.eraseAfter, lang)],
        ]}
      />
      <p className="field-hint">{words.retention}</p>

      <StatusSection detail={detail} mayChange={session.may('submissions.process', authorityId)} refresh={refresh} />

      <section aria-labelledby="angaben">
        <h2 id="angaben">{words.answers}</h2>
        <Answers sections={detail.answers} />
      </section>

      <section aria-labelledby="dateien">
        <h2 id="dateien">{words.files}</h2>
        {detail.attachments.length === 0 ? (
          <p>{words.noFiles}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={words.filesRegion} tabIndex={0}>
            <table className="data-table">
              <caption>{words.filesCaption(detail.attachments.length)}</caption>
              <thead>
                <tr>
                  <th scope="col">{words.fileName}</th>
                  <th scope="col">{words.size}</th>
                  <th scope="col">{words.checksum}</th>
                  <th scope="col">{words.download}</th>
                </tr>
              </thead>
              <tbody>
                {detail.attachments.map((file) => (
                  <tr key={file.id}>
                    <th scope="row" className="data-table__wrap">
                      {file.fileName}
                    </th>
                    <td>{formatBytes(file.size, lang)}</td>
                    <td className="data-table__wrap">
                      <code className="checksum">{file.sha256 ?? '—'}</code>
                    </td>
                    <td>
                      <a href={file.downloadUrl} download>
                        {words.download}
                        <span className="visually-hidden"> {file.fileName}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href={detail.receiptUrl} download>
            {words.receipt}
          </a>
        </p>
      </section>

      <DeliveriesSection deliveries={detail.deliveries} mayRequeue={session.may('deliveries.requeue', authorityId)} refresh={refresh} />
      <LettersSection letters={detail.letters} mayCancel={session.may('print.cancel', authorityId)} refresh={refresh} />
      {session.may('letters.send', authorityId) && <LetterPanel submissionId={detail.id} refresh={refresh} />}
      <AuditSection entries={detail.audit} />
    </>
  );
}
