/**
 * The palette: the kinds of element in their groups, each a button "‹Label› hinzufügen" that adds
 * one at the end of the selected section (or the current step), and an entry the mouse can drag
 * onto the canvas. By keyboard the button is the way: Enter adds, it does not start a drag.
 */
import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { PointerEventHandler } from 'react';
import type { PaletteKind } from '../../../../../../shared/designer/edit.ts';
import { paletteEntries, type PaletteEntry } from '../../../../../../shared/designer/palette.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { paletteId, type DragData } from './dnd.ts';
import { canvasTexts } from './texts.ts';

const groups: PaletteEntry['group'][] = ['input', 'choice', 'layout', 'block'];

function PaletteButton({ entry, onAdd }: { entry: PaletteEntry; onAdd(kind: PaletteKind): void }) {
  const words = useTexts(canvasTexts);
  const { lang } = useLanguage();
  const label = (lang === 'en' ? entry.label.en : undefined) || entry.label.de;
  const data: DragData = { type: 'palette', kind: entry.kind, label };
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: paletteId(entry.kind), data });
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className={`designer-palette__entry${isDragging ? ' designer-palette__entry--dragging' : ''}`}
        style={{ transform: CSS.Translate.toString(transform) }}
        // Only the pointer drags: Enter and Space click the button.
        onPointerDown={listeners?.onPointerDown as PointerEventHandler<HTMLButtonElement> | undefined}
        onClick={() => onAdd(entry.kind)}
      >
        <span aria-hidden="true">+ </span>
        {label}
        <span className="visually-hidden"> {words.add}</span>
      </button>
    </li>
  );
}

export function Palette({ onAdd }: { onAdd(kind: PaletteKind): void }) {
  const words = useTexts(canvasTexts);
  return (
    <div className="designer-palette">
      <h3 id="designer-palette-title">{words.palette}</h3>
      <p className="field-hint">{words.paletteHint}</p>
      {groups.map((group) => (
        <div key={group} className="designer-palette__group">
          <h4 id={`designer-palette-${group}`}>{words.groups[group]}</h4>
          <ul aria-labelledby={`designer-palette-${group}`}>
            {paletteEntries
              .filter((e) => e.group === group)
              .map((entry) => (
                <PaletteButton key={entry.kind} entry={entry} onAdd={onAdd} />
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
