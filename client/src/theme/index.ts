/**
 * The portal's rjsf theme: own templates and widgets for every place where rjsf's default markup
 * falls short of BITV 2.0 (shared/reference/accessibility.md).
 */
import { getDefaultRegistry } from '@rjsf/core';
import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ArrayFieldItemTemplate } from './array-item-template.tsx';
import { ArrayFieldTemplate } from './array-field-template.tsx';
import { AlternativesField } from './alternatives-field.tsx';
import { ArrayField, StringField } from './fields.tsx';
import { FieldTemplate } from './field-template.tsx';
import { MultiSchemaFieldTemplate } from './multi-schema-field-template.tsx';
import { ObjectFieldTemplate } from './object-field-template.tsx';
import { BaseInputTemplate } from './widgets/base-input-template.tsx';
import { CheckboxWidget } from './widgets/checkbox-widget.tsx';
import { CheckboxesWidget } from './widgets/checkboxes-widget.tsx';
import { RadioWidget } from './widgets/radio-widget.tsx';
import { SelectWidget } from './widgets/select-widget.tsx';
import { TextareaWidget } from './widgets/textarea-widget.tsx';

/** rjsf's error list never shows (the error summary does); titles and descriptions are drawn by the templates above. */
const Nothing = () => null;

export const templates: Partial<TemplatesType> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  BaseInputTemplate,
  MultiSchemaFieldTemplate,
  ErrorListTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
  ArrayFieldTitleTemplate: Nothing,
  ArrayFieldDescriptionTemplate: Nothing,
};

const coreWidgets = getDefaultRegistry().widgets;

/**
 * rjsf's date pickers made of selects (`alt-date`, `alt-datetime`: up to nine unlabelled lists
 * and English buttons) become the labelled native date and date-time inputs; the star rating
 * becomes the labelled range input. Every other widget rjsf can choose draws through the
 * templates above.
 */
export const widgets: RegistryWidgetsType = {
  AltDateWidget: coreWidgets.DateWidget!,
  AltDateTimeWidget: coreWidgets.DateTimeWidget!,
  RatingWidget: coreWidgets.RangeWidget!,
  CheckboxWidget,
  CheckboxesWidget,
  RadioWidget,
  SelectWidget,
  TextareaWidget,
};

export const fields: RegistryFieldsType = { StringField, ArrayField, AnyOfField: AlternativesField, OneOfField: AlternativesField };
