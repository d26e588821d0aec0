/** Outline badges in dark shades: readable (WCAG AA) on white. */
export const STATUS_COLOR = { DRAFT: 'gray.8', OPEN: 'blue.9', CLOSED: 'gray.8', AWARDED: 'teal.9' } as const;
