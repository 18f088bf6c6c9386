/**
 * "Antwort per Brief": choose one of the letter templates the API offers for this application,
 * fill in its fields, look at the PDF as it will print, and send it through the print channel.
 * The new letter then shows in the letters section.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useErrorMessage } from '../../../layout/load-states.tsx';
import { LoadFailed, Loading } from '../../../layout/load-states.tsx';
import type { ApiError } from '../../../api/http.ts';
import { useAdminApi } from '../../admin-api.ts';
import { ProblemSummary, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useFormState, type Problem } from '../../components/form-state.ts';
import { useTexts } from '../../use-texts.ts';
import { useLoad } from '../operations/use-load.ts';
import type { LetterOffer, LetterTemplate } from './types.ts';

const texts = {
  de: {
    heading: 'Antwort per Brief',
    intro: 'Der Brief geht an die Postanschrift aus dem Antrag und wird mit dem nächsten Druckstapel gedruckt und versandt.',
    template: 'Briefvorlage',
    printTarget: 'Druckziel',
    noPrintTarget: 'Für die zuständige Behörde ist kein Druckziel eingerichtet; Briefe können nicht versandt werden.',
    noTemplates: 'Für diesen Antrag gibt es keine Briefvorlage.',
    noFields: 'Diese Vorlage hat keine freien Felder; sie wird so versandt, wie sie ist.',
    optional: (title: string) => `${title} (optional)`,
    maxLength: (n: number) => `Höchstens ${n.toLocaleString('de-DE')} Zeichen.`,
    preview: 'Vorschau (PDF)',
    previewReady: 'Die Vorschau ist bereit.',
    previewLink: 'Vorschau herunterladen (PDF)',
    send: 'Brief senden',
    sending: 'Wird gesendet …',
    sent: (sheets: number) => `Der Brief ist in der Warteschlange für den nächsten Druckstapel (${sheets} ${sheets === 1 ? 'Blatt' : 'Blätter'}).`,
  },
  en: {
    heading: 'Answer by letter',
    intro: "The letter goes to the postal address in the application and is printed and posted with the next print batch.",
    template: 'Letter template',
    printTarget: 'Print target',
    noPrintTarget: 'No print target is set up for the responsible authority; letters cannot be sent.',
    noTemplates: 'There is no letter template for this application.',
    noFields: 'This template has no free fields; it is sent as it is.',
    optional: (title: string) => `${title} (optional)`,
    maxLength: (n: number) => `At most ${n.toLocaleString('en-GB')} characters.`,
    preview: 'Preview (PDF)',
    previewReady: 'The preview is ready.',
    previewLink: 'Download the preview (PDF)',
    send: 'Send letter',
    sending: 'Sending …',
    sent: (sheets: number) => `The letter is queued for the next print batch (${sheets} ${sheets === 1 ? 'sheet' : 'sheets'}).`,
  },
};

/** Problems the letters API names by code, placed at the field they concern. */
function placed(error: ApiError): Problem[] | undefined {
  if (error.code === 'letter_template_unknown' || error.code === 'letter_template_other_form') return [{ path: '/template', message: error.message }];
  if (error.code === 'letter_print_target_required' || error.code === 'letter_print_target_unknown') return [{ path: '/printTarget', message: error.message }];
  if (error.code === 'letter_address_missing') {
    const missing = (error.details as { message?: unknown } | undefined)?.message;
    if (typeof missing === 'string') error.message = `${error.message} ${missing}`;
  }
  return undefined;
}

export function LetterPanel({ submissionId, refresh }: { submissionId: string; refresh(): Promise<void> }) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const base = `/api/admin/submissions/${submissionId}/letters`;
  const [offer, retry] = useLoad(() => api.get<LetterOffer>(`${base}/templates`), base);
  return (
    <section aria-labelledby="antwort-per-brief">
      <h2 id="antwort-per-brief">{words.heading}</h2>
      <p>{words.intro}</p>
      {offer.kind === 'loading' && <Loading />}
      {offer.kind === 'failed' && <LoadFailed error={offer.error} retry={retry} />}
      {offer.kind === 'loaded' &&
        (offer.value.printTargets.choices.length === 0 ? (
          <p className="notice">{words.noPrintTarget}</p>
        ) : offer.value.templates.length === 0 ? (
          <p className="notice">{words.noTemplates}</p>
        ) : (
          <LetterForm base={base} offer={offer.value} refresh={refresh} />
        ))}
    </section>
  );
}

function LetterForm({ base, offer, refresh }: { base: string; offer: LetterOffer; refresh(): Promise<void> }) {
  const words = useTexts(texts);
  const api = useAdminApi();
  const errorMessage = useErrorMessage();
  const form = useFormState();
  const [templateId, setTemplateId] = useState(offer.templates[0]!.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [printTarget, setPrintTarget] = useState(offer.printTargets.default ?? '');
  const [preview, setPreview] = useState<string>();
  const [previewing, setPreviewing] = useState(false);
  const [sent, setSent] = useState<string>();
  const previewLink = useRef<HTMLAnchorElement>(null);
  const template: LetterTemplate = offer.templates.find((t) => t.id === templateId) ?? offer.templates[0]!;
  const choose = offer.printTargets.default === null;

  // A preview's blob lives until the next one, or until the page is left.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  useEffect(() => {
    if (preview) previewLink.current?.focus();
  }, [preview]);

  const labels: Record<string, string> = {
    '/template': words.template,
    '/printTarget': words.printTarget,
    ...Object.fromEntries(template.fields.map((f) => [`/fields/${f.name}`, f.title])),
  };
  const body = () => ({
    template: template.id,
    fields: Object.fromEntries(template.fields.flatMap((f) => ((values[f.name] ?? '') === '' ? [] : [[f.name, values[f.name]]]))),
    ...(choose && printTarget ? { printTarget } : {}),
  });

  const showPreview = async () => {
    setSent(undefined);
    setPreviewing(true);
    await form.run(async () => {
      const response = await api.fetch(`${base}/preview`, { method: 'POST', json: body() });
      setPreview(URL.createObjectURL(await response.blob()));
    }, placed);
    setPreviewing(false);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    await form.run(async () => {
      const piece = await api.send<{ sheets: number }>('POST', base, body());
      setSent(words.sent(piece.sheets));
      setValues({});
      setPreview(undefined);
      await refresh().catch((error: unknown) => setSent(`${words.sent(piece.sheets)} ${errorMessage(error)}`));
    }, placed);
  };

  return (
    <>
      <div role="status">
        {sent && <p className="notice">{sent}</p>}
        {preview && <p>{words.previewReady}</p>}
      </div>
      <ProblemSummary form={form} labels={labels} />
      <form className="form" onSubmit={(event) => void send(event)} noValidate>
        <SelectField
          form={form}
          pointer="/template"
          label={words.template}
          value={template.id}
          onChange={(value) => {
            setTemplateId(value);
            setPreview(undefined);
            form.reset();
          }}
          options={offer.templates.map((t) => ({ value: t.id, label: t.title }))}
        />
        {choose && (
          <SelectField
            form={form}
            pointer="/printTarget"
            label={words.printTarget}
            value={printTarget}
            onChange={setPrintTarget}
            options={[{ value: '', label: '—' }, ...offer.printTargets.choices.map((c) => ({ value: c, label: c }))]}
          />
        )}
        {template.fields.length === 0 && <p>{words.noFields}</p>}
        {template.fields.map((field) => {
          const props = {
            form,
            pointer: `/fields/${field.name}`,
            label: field.required ? field.title : words.optional(field.title),
            hint: words.maxLength(field.maxLength),
            value: values[field.name] ?? '',
            onChange: (value: string) => setValues((v) => ({ ...v, [field.name]: value })),
          };
          return field.multiline ? <TextAreaField key={`${template.id} ${field.name}`} {...props} rows={8} /> : <TextField key={`${template.id} ${field.name}`} {...props} />;
        })}
        <div className="form-actions row-actions">
          <button type="button" className="button button--secondary" disabled={form.busy} onClick={() => void showPreview()}>
            {words.preview}
          </button>
          <button type="submit" className="button" disabled={form.busy}>
            {form.busy && !previewing ? words.sending : words.send}
          </button>
        </div>
        {preview && (
          <p>
            <a ref={previewLink} href={preview} download={`vorschau-${template.id}.pdf`}>
              {words.previewLink}
            </a>
          </p>
        )}
      </form>
    </>
  );
}
