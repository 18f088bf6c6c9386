/**
 * The "Felder" work area: palette, steps and the canvas of the current step beside the property
 * panel of the selected element, and the live preview of the whole form below, which can be hidden.
 */
import { memo, useDeferredValue, useState } from 'react';
import type { FormDefinition } from '../../../../../shared/form-definition.ts';
import { useTexts } from '../../use-texts.ts';
import { Canvas } from './canvas/canvas.tsx';
import { DesignerPreview } from './preview.tsx';
import { PropertyPanel } from './property-panel.tsx';

/** Drawn again only when the (deferred) definition changes, not on every edit's first render. */
const Preview = memo(DesignerPreview);

const texts = {
  de: { showPreview: 'Vorschau anzeigen', hidePreview: 'Vorschau ausblenden' },
  en: { showPreview: 'Show the preview', hidePreview: 'Hide the preview' },
};

export function FieldsArea({ definition, formId }: { definition: FormDefinition; formId: string }) {
  const words = useTexts(texts);
  const [preview, setPreview] = useState(true);
  // The preview draws at a lower priority than the canvas and the panel: the canvas is there
  // first when the page opens (the preview follows), and typing stays quick.
  const shown = useDeferredValue<FormDefinition | undefined>(definition, undefined);
  return (
    <div className="designer-fields">
      <div className="designer-workspace">
        <Canvas />
        <PropertyPanel />
      </div>
      <button type="button" className="button button--secondary button--small" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
        {preview ? words.hidePreview : words.showPreview}
      </button>
      {preview && shown && <Preview definition={shown} formId={formId} />}
    </div>
  );
}
