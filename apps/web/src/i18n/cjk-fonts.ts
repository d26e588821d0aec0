/**
 * The Japanese and Korean font faces (≈ 500 @font-face rules, see app/global.css), kept out of the
 * first render's CSS. Asked for by the ja and ko messages before their first render, by a canvas
 * before it draws its labels (it cannot redraw when a face arrives later, as the page's text does),
 * and by any other page once it is idle. One stylesheet, fetched once.
 */
export const loadCjkFonts = (): Promise<unknown> => import('./cjk-fonts.css');
