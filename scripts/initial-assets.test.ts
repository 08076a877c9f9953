// @vitest-environment node
import { initialAssets } from './initial-assets';

describe('initialAssets', () => {
  it.each([
    [
      'a module script',
      '<script type="module" crossorigin src="/assets/index-a.js"></script>',
      ['/assets/index-a.js'],
    ],
    [
      'a stylesheet',
      '<link rel="stylesheet" crossorigin href="/assets/index-b.css">',
      ['/assets/index-b.css'],
    ],
    [
      'a modulepreload',
      "<link rel='modulepreload' href='/assets/vendor-c.js'>",
      ['/assets/vendor-c.js'],
    ],
    [
      'the manifest and icons',
      '<link rel="manifest" href="/manifest.webmanifest"><link rel="icon" href="/favicon.svg">',
      [],
    ],
    ['a classic script', '<script src="/legacy.js"></script>', []],
    ['another origin', '<script type="module" src="https://cdn.example/x.js"></script>', []],
    [
      'a repeat',
      '<link rel="modulepreload" href="/a.js"><script type="module" src="/a.js"></script>',
      ['/a.js'],
    ],
  ])('%s', (_name, html, expected) => {
    expect(initialAssets(html)).toEqual(expected);
  });
});
