/** "Verwendet von": the conditions of other elements and the routes that test this element; a condition's element can be selected from here. */
import { referencesTo } from '../../../../../../shared/designer/edit.ts';
import { useTexts } from '../../../use-texts.ts';
import { useEditor } from '../editor-context.tsx';
import { panelTexts } from './texts.ts';
import { useSelected } from './use-element.ts';

export function ReferencesGroup({ selected }: { selected(): void }) {
  const words = useTexts(panelTexts);
  const editor = useEditor();
  const { at } = useSelected();
  const references = referencesTo(editor.form, at);
  return (
    <section className="designer-panel__group designer-panel__references" aria-labelledby="designer-panel-references">
      <h3 id="designer-panel-references">{words.groups.references}</h3>
      {references.length === 0 ? (
        <p>{words.noReferences}</p>
      ) : (
        <ul>
          {references.map((reference, i) => (
            <li key={i}>
              {reference.kind === 'condition' && reference.at ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    editor.select(reference.at);
                    selected();
                  }}
                >
                  {words.conditionOf(reference.label)}
                </button>
              ) : (
                reference.label
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
