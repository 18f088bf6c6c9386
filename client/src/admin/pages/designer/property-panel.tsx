/** The properties of the selected element beside the canvas (`property-panel/`). */
export { PropertyPanel } from './property-panel/panel.tsx';
