/**
 * The "Verschieben …" disclosure of a card: up, down, to the top, to the end, into any step or
 * section, and delete — an inline list, not a modal; Escape closes it and the focus returns to its
 * button. Deleting an element that conditions or routes refer to lists them and asks first.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Reference } from '../../../../../../shared/designer/edit.ts';
import { useTexts } from '../../../use-texts.ts';
import { parentOf, useCanvasActions } from './actions.tsx';
import { parseAddress } from './describe.ts';
import { canvasTexts } from './texts.ts';

export function MoveMenu({ at: atKey, label }: { at: string; label: string }) {
  const words = useTexts(canvasTexts);
  const actions = useCanvasActions();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState<Reference[]>();
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const at = parseAddress(atKey);
  const parent = parentOf(at);
  const index = at.path[at.path.length - 1]!;

  const close = () => {
    setOpen(false);
    setConfirm(undefined);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    close();
  };
  const remove = () => {
    const references = actions.references(at);
    if (references.length > 0 && !confirm) setConfirm(references);
    else {
      setOpen(false);
      actions.remove(at);
    }
  };
  const move = (into: typeof parent, to: number) => {
    setOpen(false);
    actions.move(at, into, to, 'menu');
  };

  return (
    <div className="designer-menu" onClick={(event) => event.stopPropagation()} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button button--secondary button--small"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={words.moveMenuOf(label)}
        data-focus="menu"
        onClick={() => (open ? close() : setOpen(true))}
      >
        {words.moveMenu}
      </button>
      {open && (
        <div id={id} className="designer-menu__panel">
          {confirm ? (
            <div className="designer-menu__confirm" role="alert">
              <p>{words.removeQuestion(label)}</p>
              <ul>
                {confirm.map((r) => (
                  <li key={`${r.kind} ${r.route ?? r.at?.path.join('.')} ${r.at?.step ?? ''}`}>
                    {r.kind === 'condition' ? `${words.referenceKinds.condition} „${r.label}“` : r.label}
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--warning button--small" onClick={remove}>
                {words.removeYes}
              </button>{' '}
              <button type="button" className="button button--secondary button--small" onClick={close}>
                {words.cancel}
              </button>
            </div>
          ) : (
            <MenuItems
              at={at}
              parent={parent}
              index={index}
              move={move}
              remove={remove}
            />
          )}
        </div>
      )}
    </div>
  );
}

interface ItemsProps {
  at: ReturnType<typeof parseAddress>;
  parent: ReturnType<typeof parentOf>;
  index: number;
  move(into: ReturnType<typeof parentOf>, index: number): void;
  remove(): void;
}

/** The entries, computed only while the menu is open (the targets walk the whole form). */
function MenuItems({ at, parent, index, move, remove }: ItemsProps) {
  const words = useTexts(canvasTexts);
  const actions = useCanvasActions();
  const length = actions.length(parent);
  const here = parent.path.join('.');
  const targets = actions.targets(at).filter((t) => !(t.into.step === parent.step && t.into.path.join('.') === here));
  const item = (key: string, text: string, onClick: () => void, disabled = false) => (
    <li key={key}>
      <button type="button" className="designer-menu__item" disabled={disabled} onClick={onClick}>
        {text}
      </button>
    </li>
  );
  return (
    <ul className="designer-menu__list">
      {item('up', words.up, () => move(parent, index - 1), index === 0)}
      {item('down', words.down, () => move(parent, index + 2), index >= length - 1)}
      {item('first', words.first, () => move(parent, 0), index === 0)}
      {item('last', words.last, () => move(parent, length), index >= length - 1)}
      {targets.map((t) => item(`to ${t.into.step}:${t.into.path.join('.')}`, words.to(t.label), () => move(t.into, actions.length(t.into))))}
      {item('remove', words.remove, remove)}
    </ul>
  );
}
