/**
 * DIN 5008 Form B grid (A4 portrait). Everything in millimetres from the top-left corner;
 * `mm()` converts to PDF points (1 mm = 72 / 25.4 pt).
 */
export const MM = 72 / 25.4;
export const mm = (value: number): number => value * MM;

export const page = { width: 210, height: 297 } as const;

export const grid = {
  /** Nothing but the marks in the left 15 mm (print-centre control marks). */
  leftFreeZone: 15,
  letterhead: { top: 10, bottom: 45, left: 25, right: 190 },
  addressField: { x: 20, y: 45, width: 85, height: 45 },
  returnAddress: { x: 25, top: 45, bottom: 50, fontSize: 8 },
  /** Zusatz- und Vermerkzone: always left empty (digital postage is printed here). */
  additionalZone: { top: 50, bottom: 62.7 },
  recipient: { x: 25, top: 62.7, bottom: 90, width: 80, fontSize: 10, lineHeight: 4.5, maxLines: 6 },
  infoBlock: { x: 125, top: 50, right: 200, fontSize: 8.5 },
  subjectY: 98.46,
  body: { left: 25, right: 190, fontSize: 10.5 },
  /** Continuation pages. */
  followTop: 20,
  /** Text stops here; the page number sits below. */
  bodyBottom: 270,
  pageNumberY: 280,
  foldMarks: [105, 210],
  holeMark: 148.5,
  /** Marks are short horizontal lines at the left edge. */
  markX: { from: 4, foldTo: 9, holeTo: 11 },
  /** DataMatrix control mark (when the print profile asks for one): bottom of the left margin. */
  controlMark: { x: 5, y: 270, moduleSize: 0.4 },
} as const;
