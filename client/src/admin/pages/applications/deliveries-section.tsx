/**
 * Where the application went: each delivery with its target, state, attempts, last error and
 * the message's validation errors; the XÖV message as sent, shown in the page or downloaded;
 * "Erneut senden" for a delivery that failed for good.
 */
import { useState } from 'react';
import { formatShortDateTime } from '../../../../../shared/form-view/format.ts';
import { useLanguage } from '../../../language.tsx';
import { useErrorMessage } from '../../../layout/load-states.tsx';
import { useAdminApi } from '../../admin-api.ts';
import { Facts } from '../../components/facts.tsx';
import { useTexts } from '../../use-texts.ts';
import type { Delivery } from './types.ts';
import { applicationTexts } from './words.ts';

const texts = {
  de: {
    heading: 'Zustellungen',
    none: 'Für diesen Antrag ist keine Zustellung vorgesehen.',
    delivery: (target: string) => `Zustellung an ${target}`,
    facts: { type: 'Art des Ziels', authority: 'Behörde des Ziels', state: 'Stand', attempts: 'Versuche', nextAttempt: 'Nächster Versuch', lastError: 'Letzter Fehler', created: 'Angelegt', delivered: 'Zugestellt am' },
    types: { 'xoev-http': 'XÖV-Nachricht an ein Fachverfahren', print: 'Brief über das Druckzentrum' } as Record<string, string>,
    validationErrors: (n: number) => `Prüffehler der Nachricht (${n})`,
    message: 'XÖV-Nachricht',
    noMessage: 'Noch keine Nachricht erstellt.',
    show: 'Anzeigen',
    hide: 'Ausblenden',
    download: 'Herunterladen',
    messageRegion: (target: string) => `XÖV-Nachricht an ${target}`,
    messageFailed: 'Die Nachricht ließ sich nicht laden:',
    requeue: 'Erneut senden',
    requeued: (target: string) => `Die Zustellung an ${target} wird erneut gesendet.`,
    requeueFailed: 'Erneut senden hat nicht geklappt:',
  },
  en: {
    heading: 'Deliveries',
    none: 'No delivery is planned for this application.',
    delivery: (target: string) => `Delivery to ${target}`,
    facts: { type: 'Kind of target', authority: "Target's authority", state: 'State', attempts: 'Attempts', nextAttempt: 'Next attempt', lastError: 'Last error', created: 'Created', delivered: 'Delivered on' },
    types: { 'xoev-http': 'XÖV message to a specialist procedure', print: 'Letter through the print centre' } as Record<string, string>,
    validationErrors: (n: number) => `Validation errors of the message (${n})`,
    message: 'XÖV message',
    noMessage: 'No message built yet.',
    show: 'Show',
    hide: 'Hide',
    download: 'Download',
    messageRegion: (target: string) => `XÖV message to ${target}`,
    messageFailed: 'The message could not be loaded:',
    requeue: 'Send again',
    requeued: (target: string) => `The delivery to ${target} is being sent again.`,
    requeueFailed: 'Sending again failed:',
  },
};

interface Props {
  deliveries: Delivery[];
  mayRequeue: boolean;
  refresh(): Promise<void>;
}

export function DeliveriesSection({ deliveries, mayRequeue, refresh }: Props) {
  const words = useTexts(texts);
  const [announcement, setAnnouncement] = useState<{ text: string; error?: boolean }>();
  return (
    <section aria-labelledby="zustellungen">
      <h2 id="zustellungen">{words.heading}</h2>
      <div role="status">{announcement && <p className={`notice${announcement.error ? ' notice--error' : ''}`}>{announcement.text}</p>}</div>
      {deliveries.length === 0 && <p>{words.none}</p>}
      {deliveries.map((delivery) => (
        <DeliveryCard key={delivery.id} delivery={delivery} mayRequeue={mayRequeue} refresh={refresh} announce={setAnnouncement} />
      ))}
    </section>
  );
}

interface CardProps {
  delivery: Delivery;
  mayRequeue: boolean;
  refresh(): Promise<void>;
  announce(announcement: { text: string; error?: boolean }): void;
}

function DeliveryCard({ delivery, mayRequeue, refresh, announce }: CardProps) {
  const words = useTexts(texts);
  const shared = useTexts(applicationTexts);
  const { lang } = useLanguage();
  const api = useAdminApi();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState<{ xml?: string; error?: string }>();
  const [busy, setBusy] = useState(false);
  const target = delivery.target.id;
  const headingId = `zustellung-${delivery.id}`;

  const toggleMessage = async () => {
    if (message) return setMessage(undefined);
    try {
      const response = await api.fetch(delivery.messageUrl!);
      setMessage({ xml: await response.text() });
    } catch (error) {
      setMessage({ error: `${words.messageFailed} ${errorMessage(error)}` });
    }
  };

  const requeue = async () => {
    setBusy(true);
    try {
      await api.send('POST', delivery.requeueUrl!);
      await refresh();
      announce({ text: words.requeued(target) });
      // The button is gone now: the focus goes to the delivery it belonged to.
      document.getElementById(headingId)?.focus();
    } catch (error) {
      announce({ text: `${words.requeueFailed} ${errorMessage(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="record" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {words.delivery(target)}
      </h3>
      <Facts
        rows={[
          [words.facts.type, delivery.target.type ? (words.types[delivery.target.type] ?? delivery.target.type) : undefined],
          [words.facts.authority, delivery.target.authority ?? undefined],
          [words.facts.state, shared.delivery[delivery.state] ?? delivery.state],
          [words.facts.attempts, String(delivery.attempts)],
          ...(delivery.nextAttemptAt ? [[words.facts.nextAttempt, formatShortDateTime(delivery.nextAttemptAt, lang)] as [string, string]] : []),
          [words.facts.lastError, delivery.lastError ?? undefined],
          [words.facts.created, formatShortDateTime(delivery.createdAt, lang)],
          ...(delivery.deliveredAt ? [[words.facts.delivered, formatShortDateTime(delivery.deliveredAt, lang)] as [string, string]] : []),
        ]}
      />
      {delivery.validationErrors.length > 0 && (
        <>
          <h4>{words.validationErrors(delivery.validationErrors.length)}</h4>
          <ul className="validation-errors">
            {delivery.validationErrors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{words.message}</h4>
      {delivery.messageUrl ? (
        <>
          <p className="row-actions">
            <button type="button" className="button button--secondary button--small" aria-expanded={message !== undefined} onClick={() => void toggleMessage()}>
              {message ? words.hide : words.show}
              <span className="visually-hidden"> {words.messageRegion(target)}</span>
            </button>
            <a href={delivery.messageUrl} download>
              {words.download}
              <span className="visually-hidden"> {words.messageRegion(target)}</span>
            </a>
          </p>
          {message?.error && <p className="notice notice--error">{message.error}</p>}
          {message?.xml !== undefined && (
            <pre className="xml-message" role="region" aria-label={words.messageRegion(target)} tabIndex={0}>
              {message.xml}
            </pre>
          )}
        </>
      ) : (
        <p>{words.noMessage}</p>
      )}
      {delivery.requeueUrl && mayRequeue && (
        <p>
          <button type="button" className="button" disabled={busy} onClick={() => void requeue()}>
            {words.requeue}
            <span className="visually-hidden"> – {words.delivery(target)}</span>
          </button>
        </p>
      )}
    </section>
  );
}
