/**
 * A lower and an upper bound (length, value, number of choices or entries): each typed as text,
 * a wrong number or a lower bound above the upper one said at the field, and both handed on
 * together once both are right.
 */
import { useState } from 'react';
import { numberText, rangeOk, readRange, type NumberKind } from '../../../../../../shared/designer/property-input.ts';
import { TextField } from '../../../components/fields.tsx';
import { useTexts } from '../../../use-texts.ts';
import { localProblems, useLocalText } from './local-input.ts';
import { panelTexts } from './texts.ts';

interface RangeFieldsProps {
  pointer: string;
  labels: { min: string; max: string };
  kind: NumberKind;
  min: number | undefined;
  max: number | undefined;
  onChange(min: number | undefined, max: number | undefined): void;
}

export function RangeFields({ pointer, labels, kind, min, max, onChange }: RangeFieldsProps) {
  const words = useTexts(panelTexts);
  const [minText, typedMin] = useLocalText(numberText(min));
  const [maxText, typedMax] = useLocalText(numberText(max));
  const [edited, setEdited] = useState<'min' | 'max'>('min');
  const shown = readRange(minText, maxText, kind, edited);
  const problems = localProblems({
    [`${pointer}/min`]: shown.problems.min && words.numberProblems[shown.problems.min],
    [`${pointer}/max`]: shown.problems.max && words.numberProblems[shown.problems.max],
  });
  const type = (side: 'min' | 'max', text: string) => {
    setEdited(side);
    const nextMin = side === 'min' ? text : minText;
    const nextMax = side === 'max' ? text : maxText;
    const reading = readRange(nextMin, nextMax, kind, side);
    if (!rangeOk(reading)) return side === 'min' ? typedMin(text, numberText(min)) : typedMax(text, numberText(max));
    typedMin(nextMin, numberText(reading.min));
    typedMax(nextMax, numberText(reading.max));
    if (reading.min !== min || reading.max !== max) onChange(reading.min, reading.max);
  };
  const inputMode = kind === 'number' ? 'text' : 'numeric';
  return (
    <div className="designer-panel__pair">
      <TextField form={problems} pointer={`${pointer}/min`} label={labels.min} inputMode={inputMode} value={minText} onChange={(text) => type('min', text)} />
      <TextField form={problems} pointer={`${pointer}/max`} label={labels.max} inputMode={inputMode} value={maxText} onChange={(text) => type('max', text)} />
    </div>
  );
}
