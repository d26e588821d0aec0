import { describe, expect, it } from '@jest/globals';
import { parseMarks } from './highlighted-text.js';

describe('search highlights', () => {
  it('turns <mark> into marked parts and keeps everything else as text', () => {
    expect(parseMarks('Công ty <mark>Cơ khí</mark> Hải <mark>Phòng</mark>')).toEqual([
      { text: 'Công ty ', marked: false },
      { text: 'Cơ khí', marked: true },
      { text: ' Hải ', marked: false },
      { text: 'Phòng', marked: true },
    ]);
  });

  it('never lets markup through: escaped text stays text, raw tags stay visible characters', () => {
    const parts = parseMarks('&lt;img src=x onerror=alert(1)&gt; <mark>A&amp;B</mark> <b>bold</b>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: 'A&B', marked: true },
      { text: ' <b>bold</b>', marked: false },
    ]);
  });
});
