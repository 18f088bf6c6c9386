/**
 * The "Felder" work area's building surface: the palette and the list of steps beside the canvas
 * of the current step, all inside one drag-and-drop context (mouse, touch and keyboard dragging,
 * with announcements in the page's language). Adding, dropping and moving select the element and
 * leave the focus on its card; the canvas follows the selection to its step (also after undo).
 */
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { applyEdit, elementAt, type PaletteKind } from '../../../../../../shared/designer/edit.ts';
import { paletteEntries } from '../../../../../../shared/designer/palette.ts';
import { useLanguage } from '../../../../language.tsx';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { CanvasActionsProvider, useActions, type FocusRequest } from './actions.tsx';
import { addressKey, childrenOf, elementLabel, elementsByKey, parseAddress, referenceCounts } from './describe.ts';
import { announcements, collision, placeName, resolveDrop, type DragData } from './dnd.ts';
import { ElementList } from './element-list.tsx';
import { Palette } from './palette.tsx';
import { StepHeader, StepList } from './steps.tsx';
import { canvasTexts } from './texts.ts';

/** Focuses the requested part of a card, or the step's heading when the card is gone. */
function carryOut(request: FocusRequest) {
  const card = request.at && document.querySelector(`[data-at="${addressKey(request.at)}"]`);
  const node =
    card?.querySelector<HTMLElement>(`[data-focus="${request.part}"]`) ?? card?.querySelector<HTMLElement>('[data-focus="select"]') ?? document.getElementById('designer-step-title');
  node?.focus();
  (card ?? node)?.scrollIntoView?.({ block: 'nearest' });
}

export function Canvas() {
  const editor = useEditor();
  const words = useTexts(canvasTexts);
  const { lang } = useLanguage();
  const { form, selected } = editor;
  const [chosen, setChosen] = useState(0);
  const current = Math.max(0, Math.min(chosen, form.steps.length - 1));
  const step = form.steps[current]!;
  const focus = useRef<FocusRequest | undefined>(undefined);
  const actions = useActions(editor, words, lang, focus);

  // The canvas shows the selected element's step (after a move to another step, after undo).
  useEffect(() => {
    if (selected) setChosen(selected.step);
  }, [selected]);
  useEffect(() => {
    const request = focus.current;
    if (!request || (request.at && request.at.step !== current)) return;
    focus.current = undefined;
    carryOut(request);
  });

  const topLevel = useMemo(() => elementsByKey(form.steps.flatMap((s) => s.elements)), [form.steps]);
  const refCounts = useMemo(() => referenceCounts(form), [form]);

  const choose = (index: number, focusHeading = false) => {
    setChosen(index);
    if (editor.selected && editor.selected.step !== index) editor.select(undefined);
    if (focusHeading) focus.current = { at: undefined, part: 'select' };
  };

  const add = (kind: PaletteKind) => {
    const holder = selected && selected.step === current ? elementAt(form, selected) : undefined;
    const into = holder && childrenOf(holder) ? selected! : { step: current, path: [] };
    const result = applyEdit(form, { type: 'add', kind, into });
    if (result.form === form) return;
    editor.edit({ type: 'add', kind, into });
    const entry = paletteEntries.find((e) => e.kind === kind)!;
    const where = into.path.length === 0 ? words.inStep(current + 1) : words.inSection(holder ? elementLabel(holder, lang) : '');
    editor.announce(words.added((lang === 'en' ? entry.label.en : undefined) || entry.label.de, where));
    focus.current = { at: result.selected, part: 'select' };
  };

  const latest = useRef({ form, words, lang });
  latest.current = { form, words, lang };
  const accessibility = useMemo(
    () => ({
      announcements: announcements(
        () => latest.current.form,
        () => latest.current.words,
        () => latest.current.lang,
      ),
      screenReaderInstructions: { draggable: words.drag.instructions },
    }),
    [words],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const drop = resolveDrop(form, active, over, words, lang);
    const drag = active.data.current as DragData | undefined;
    if (!drop || drop.unchanged || !drag) return;
    if (drag.type === 'palette') {
      const action = { type: 'add' as const, kind: drag.kind, into: drop.into, index: drop.index };
      const result = applyEdit(form, action);
      editor.edit(action);
      focus.current = { at: result.selected, part: 'select' };
      return;
    }
    const action = { type: 'move' as const, from: parseAddress(drag.atKey), into: drop.into, index: drop.index };
    const result = applyEdit(form, action);
    if (result.form === form) return;
    editor.edit(action);
    focus.current = { at: result.selected, part: 'handle' };
  };

  return (
    <CanvasActionsProvider value={actions}>
      <DndContext sensors={sensors} collisionDetection={collision} accessibility={accessibility} onDragEnd={onDragEnd}>
        <section className="designer-tools" aria-labelledby="designer-tools-title">
          <h2 id="designer-tools-title">{words.tools}</h2>
          {!editor.readOnly && <Palette onAdd={add} />}
          <StepList current={current} choose={choose} />
        </section>
        <section className="designer-canvas" aria-labelledby="designer-canvas-title">
          <h2 id="designer-canvas-title">{words.canvas}</h2>
          <StepHeader key={step.key} index={current} choose={choose} />
          <ElementList
            elements={step.elements}
            intoKey={`${current}:`}
            holderKey=""
            siblings={topLevel}
            refCounts={refCounts}
            selectedKey={selected ? addressKey(selected) : undefined}
            label={placeName(form, { step: current, path: [] }, words, lang)}
          />
        </section>
      </DndContext>
    </CanvasActionsProvider>
  );
}
