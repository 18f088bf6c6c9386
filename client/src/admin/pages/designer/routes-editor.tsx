/**
 * The routes editor (work area "Weiterleitung"): the form's routes as a numbered list, each with
 * its recipient — a target of the directory or the authority responsible by Zuständigkeit — the
 * kind of XÖV message, the letter template for print targets, and its condition. Routes are added,
 * removed and reordered with buttons; every change hands on plain `Route` objects. A `when` the
 * condition editor cannot express is kept as written until the designer replaces or removes it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Route } from '../../../../../shared/form-definition.ts';
import { useAdminApi } from '../../admin-api.ts';
import { useTexts } from '../../use-texts.ts';
import { ConditionEditor } from './condition-editor.tsx';
import type { FieldChoice } from '../../../../../shared/designer/edit.ts';
import {
  channelOf,
  destinationOf,
  firstDestination,
  moveRoute,
  newRoute,
  removeRoute,
  whenOf,
  withCondition,
  withDestination,
  withProfile,
  withTemplate,
  type RouteOptions,
} from './route-state.ts';
import { routesTexts, type RoutesWords } from './routes-texts.ts';

export interface RoutesEditorProps {
  routes: Route[];
  fields: FieldChoice[];
  onChange(routes: Route[]): void;
  formId: string;
}

/** The words naming a route's recipient: "an Steueramt Musterstadt (XÖV)". */
export function routeRecipient(route: Route, options: RouteOptions, words: RoutesWords): string {
  const to = destinationOf(route);
  if (to.kind === 'zustaendigkeit') return words.toService(options.zustaendigkeiten.find((z) => z.service === to.service)?.label ?? to.service);
  const target = options.targets.find((t) => t.id === to.id);
  return target ? words.toTarget(target.label, words.channel[target.channel] ?? target.channel) : words.toUnknown(to.id);
}

export function RoutesEditor({ routes, fields, onChange, formId }: RoutesEditorProps) {
  const words = useTexts(routesTexts);
  const api = useAdminApi();
  const base = useId();
  const [options, setOptions] = useState<RouteOptions>();
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const focusNext = useRef<string | undefined>(undefined);

  // Stable keys for the routes (plain objects without ids), moved along with them.
  const keys = useRef<number[]>([]);
  const counter = useRef(0);
  if (keys.current.length !== routes.length) keys.current = routes.map(() => ++counter.current);

  useEffect(() => {
    let current = true;
    setFailure(undefined);
    api.get<RouteOptions>(`/api/admin/forms/${encodeURIComponent(formId)}/route-options`).then(
      (answer) => current && setOptions(answer),
      (error: Error) => current && setFailure(error.message),
    );
    return () => {
      current = false;
    };
  }, [api, formId, attempt]);

  useEffect(() => {
    if (focusNext.current === undefined) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const headingId = `${base}-heading`;
  const routeId = (i: number, part: string) => `${base}-route-${keys.current[i]}-${part}`;

  const change = (i: number, route: Route) => onChange(routes.map((r, j) => (j === i ? route : r)));
  const add = () => {
    const route = options && newRoute(options);
    if (!route) return;
    keys.current = [...keys.current, ++counter.current];
    onChange([...routes, route]);
    focusNext.current = `${base}-route-${keys.current[routes.length]}-title`;
    setAnnouncement(words.added(routes.length + 1));
  };
  const remove = (i: number) => {
    keys.current = keys.current.filter((_, j) => j !== i);
    onChange(removeRoute(routes, i));
    const next = keys.current[Math.min(i, keys.current.length - 1)];
    focusNext.current = next === undefined ? `${base}-add` : `${base}-route-${next}-title`;
    setAnnouncement(words.removed(i + 1));
  };
  const move = (i: number, to: number, button: 'up' | 'down') => {
    keys.current = moveRoute(keys.current, i, to);
    onChange(moveRoute(routes, i, to));
    const atEdge = (button === 'up' && to === 0) || (button === 'down' && to === routes.length - 1);
    focusNext.current = `${base}-route-${keys.current[to]}-${atEdge ? 'title' : button}`;
    setAnnouncement(words.moved(i + 1, to + 1));
  };

  return (
    <section className="routes-editor" aria-labelledby={headingId}>
      <h2 id={headingId}>{words.heading}</h2>
      <p>{words.intro}</p>
      {routes.length === 0 && <p className="status-note">{words.none}</p>}
      {!options && !failure && <p role="status">{words.loading}</p>}
      {failure && (
        <div role="alert">
          <p>{words.loadFailed(failure)}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {words.retry}
          </button>
        </div>
      )}
      {options && (
        <>
          {routes.length > 0 && (
            <ol className="routes-editor__list" aria-label={words.listLabel}>
              {routes.map((route, i) => (
                <li key={keys.current[i]} className="routes-editor__route">
                  <RouteCard
                    route={route}
                    index={i}
                    count={routes.length}
                    options={options}
                    fields={fields}
                    id={(part) => routeId(i, part)}
                    onChange={(next) => change(i, next)}
                    onMove={(to, button) => move(i, to, button)}
                    onRemove={() => remove(i)}
                  />
                </li>
              ))}
            </ol>
          )}
          {options.targets.length === 0 && options.zustaendigkeiten.length === 0 ? (
            <p>{words.nothingOffered}</p>
          ) : (
            <div className="form-actions">
              <button type="button" id={`${base}-add`} className="button button--secondary" onClick={add}>
                {words.add}
              </button>
            </div>
          )}
        </>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

interface RouteCardProps {
  route: Route;
  index: number;
  count: number;
  options: RouteOptions;
  fields: FieldChoice[];
  id(part: string): string;
  onChange(route: Route): void;
  onMove(to: number, button: 'up' | 'down'): void;
  onRemove(): void;
}

function RouteCard({ route, index, count, options, fields, id, onChange, onMove, onRemove }: RouteCardProps) {
  const words = useTexts(routesTexts);
  const n = index + 1;
  const to = destinationOf(route);
  const channel = channelOf(route, options);
  const when = whenOf(route);
  const [replacing, setReplacing] = useState(false);
  const focusAfter = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusAfter.current === undefined) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = undefined;
  });

  const switchKind = (kind: 'target' | 'zustaendigkeit') => {
    const first = firstDestination(kind, options);
    if (first && kind !== to.kind) onChange(withDestination(route, first, options));
  };

  const groups = [
    ...(['xoev-http', 'print'] as const).map((c) => ({ label: words.channelGroup[c]!, targets: options.targets.filter((t) => t.channel === c) })),
    { label: words.otherGroup, targets: options.targets.filter((t) => t.channel !== 'xoev-http' && t.channel !== 'print') },
  ].filter((g) => g.targets.length > 0);
  const knownTarget = to.kind === 'target' && options.targets.some((t) => t.id === to.id);
  const knownService = to.kind === 'zustaendigkeit' && options.zustaendigkeiten.some((z) => z.service === to.service);
  const printTarget = to.kind === 'target' ? options.targets.find((t) => t.id === to.id && t.channel === 'print') : undefined;
  const defaultTemplate = printTarget?.template;
  const defaultTemplateLabel = options.templates.find((t) => t.id === defaultTemplate)?.label ?? defaultTemplate ?? '';

  return (
    <section className="record routes-editor__card" aria-labelledby={id('title')}>
      <h3 id={id('title')} tabIndex={-1}>
        {words.title(n, routeRecipient(route, options, words))}
        {when.kind !== 'always' ? words.conditional : ''}
      </h3>

      <fieldset className="field">
        <legend className="field-label">{words.destination}</legend>
        <div className="choices">
          {(['target', 'zustaendigkeit'] as const).map((kind) => {
            const offered = kind === 'target' ? options.targets.length > 0 : options.zustaendigkeiten.length > 0;
            return (
              <div className="choice" key={kind}>
                <input
                  id={id(`kind-${kind}`)}
                  className="choice__input"
                  type="radio"
                  name={id('kind')}
                  checked={to.kind === kind}
                  disabled={!offered && to.kind !== kind}
                  aria-describedby={offered ? undefined : id(`kind-${kind}-none`)}
                  onChange={() => switchKind(kind)}
                />
                <label htmlFor={id(`kind-${kind}`)} className="choice__label">
                  {kind === 'target' ? words.kindTarget : words.kindService}
                  {!offered && (
                    <span id={id(`kind-${kind}-none`)} className="field-hint">
                      {' '}
                      ({kind === 'target' ? words.noTargets : words.noServices})
                    </span>
                  )}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>

      {to.kind === 'target' ? (
        <div className="field">
          <label htmlFor={id('target')} className="field-label">
            {words.target}
          </label>
          <select
            id={id('target')}
            className="select"
            value={to.id}
            onChange={(event) => onChange(withDestination(route, { kind: 'target', id: event.target.value }, options))}
          >
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.targets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.authority === null ? `${t.label} (${words.withoutAuthority})` : t.label}
                  </option>
                ))}
              </optgroup>
            ))}
            {!knownTarget && <option value={to.id}>{words.unknownTarget(to.id)}</option>}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={id('service')} className="field-label">
            {words.service}
          </label>
          <p className="field-hint" id={id('service-hint')}>
            {words.serviceHint}
          </p>
          <select
            id={id('service')}
            className="select"
            value={to.service}
            aria-describedby={id('service-hint')}
            onChange={(event) => onChange(withDestination(route, { kind: 'zustaendigkeit', service: event.target.value }, options))}
          >
            {options.zustaendigkeiten.map((z) => (
              <option key={z.service} value={z.service}>
                {z.label}
              </option>
            ))}
            {!knownService && <option value={to.service}>{words.unknownService(to.service)}</option>}
          </select>
        </div>
      )}

      {(channel === 'xoev-http' || channel === 'zustaendigkeit') && (
        <div className="field">
          <label htmlFor={id('profile')} className="field-label">
            {words.profile}
          </label>
          <p className="field-hint" id={id('profile-hint')}>
            {words.profileHint}
          </p>
          <select
            id={id('profile')}
            className="select"
            value={route.profil ?? 'antragswerk'}
            aria-describedby={id('profile-hint')}
            onChange={(event) => onChange(withProfile(route, event.target.value))}
          >
            {options.profiles.map((p) => (
              <option key={p} value={p}>
                {words.profiles[p] ?? p}
              </option>
            ))}
          </select>
        </div>
      )}

      {channel === 'print' && (
        <div className="field">
          <label htmlFor={id('template')} className="field-label">
            {words.template}
          </label>
          <p className="field-hint" id={id('template-hint')}>
            {words.templateHint}
          </p>
          <select
            id={id('template')}
            className="select"
            value={route.template ?? ''}
            aria-describedby={id('template-hint')}
            onChange={(event) => onChange(withTemplate(route, event.target.value))}
          >
            <option value="">{words.defaultTemplate(defaultTemplateLabel)}</option>
            {options.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
            {route.template !== undefined && !options.templates.some((t) => t.id === route.template) && (
              <option value={route.template}>{words.unknownTemplate(route.template)}</option>
            )}
          </select>
        </div>
      )}

      {when.kind === 'custom' && !replacing ? (
        <fieldset className="field">
          <legend className="field-label">{words.customCondition}</legend>
          <pre className="routes-editor__when" role="region" tabIndex={0} aria-label={words.customCondition}>
            {JSON.stringify(route.when, null, 2)}
          </pre>
          <div className="row-actions">
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setReplacing(true);
                focusAfter.current = id('when-on');
              }}
            >
              {words.replaceCondition}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                onChange(withCondition(route, undefined));
                focusAfter.current = id('when-on');
              }}
            >
              {words.removeCondition}
            </button>
          </div>
        </fieldset>
      ) : (
        <>
          {when.kind === 'custom' && (
            <div className="row-actions">
              <p className="field-hint">{words.replacing}</p>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setReplacing(false);
                  focusAfter.current = id('title');
                }}
              >
                {words.cancelReplace}
              </button>
            </div>
          )}
          <ConditionEditor
            condition={when.kind === 'condition' ? when.condition : undefined}
            fields={fields}
            idPrefix={id('when')}
            wording="route"
            onChange={(condition) => {
              // While replacing an own condition, only a complete new one takes its place.
              if (when.kind === 'custom' && !condition) return;
              setReplacing(false);
              onChange(withCondition(route, condition));
            }}
          />
        </>
      )}

      <div className="row-actions">
        <button
          type="button"
          id={id('up')}
          className="button button--secondary button--small"
          aria-label={words.upOf(n)}
          disabled={index === 0}
          onClick={() => onMove(index - 1, 'up')}
        >
          {words.up}
        </button>
        <button
          type="button"
          id={id('down')}
          className="button button--secondary button--small"
          aria-label={words.downOf(n)}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1, 'down')}
        >
          {words.down}
        </button>
        <button type="button" id={id('remove')} className="button button--warning button--small" aria-label={words.removeOf(n)} onClick={onRemove}>
          {words.remove}
        </button>
      </div>
    </section>
  );
}
