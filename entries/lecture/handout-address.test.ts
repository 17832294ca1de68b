import { describe, expect, it } from 'vitest';
import { handoutLink, isLoopbackHost } from './handout-address';

describe('isLoopbackHost', () => {
  it('knows the names of the printing machine itself', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      'lecture.localhost',
      '127.0.0.1',
      '127.8.9.10',
      '[::1]',
      '::1',
      '0.0.0.0',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['course.example.org', '10.0.0.2', 'localhost.example.org', '128.0.0.1'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('handoutLink', () => {
  it('served from this machine with no address set: the path relative to the lecture, no link', () => {
    expect(handoutLink('./index.html', 'http://127.0.0.1:4173/lecture.html?print-pdf', '')).toEqual({
      text: 'index.html, next to lecture.html',
      href: undefined,
    });
    expect(handoutLink('./index.html', 'http://localhost:5173/deck/lecture.html', '  ').text).toBe(
      'index.html, next to lecture.html',
    );
  });

  it('the address the deck author set wins, wherever the lecture is printed from', () => {
    const link = { text: 'https://course.example.org/lr/index.html', href: 'https://course.example.org/lr/index.html' };
    expect(handoutLink('./index.html', 'http://127.0.0.1:4173/lecture.html', 'https://course.example.org/lr/')).toEqual(
      link,
    );
    expect(
      handoutLink('./index.html', 'https://other.example.net/lecture.html', 'https://course.example.org/lr/'),
    ).toEqual(link);
  });

  it('printed from a real host with no address set: the address there', () => {
    expect(handoutLink('./index.html', 'https://course.example.org/lr/lecture.html?print-pdf', '')).toEqual({
      text: 'https://course.example.org/lr/index.html',
      href: 'https://course.example.org/lr/index.html',
    });
  });

  it('an address set to this machine counts as none', () => {
    expect(handoutLink('./index.html', 'http://127.0.0.1:4173/lecture.html', 'http://localhost:5173/').href).toBe(
      undefined,
    );
    expect(handoutLink('./index.html', 'https://course.example.org/lecture.html', 'http://localhost:5173/').href).toBe(
      'https://course.example.org/index.html',
    );
  });
});
