import { describe, expect, it } from 'vitest';
import { hostName, SiteAddress } from './site-address.js';

describe('hostName', () => {
  it('takes the name of a Host header without its port, case or trailing dot', () => {
    expect(hostName('News.Example.ORG:8080')).toBe('news.example.org');
    expect(hostName('news.example.org.')).toBe('news.example.org');
    expect(hostName('127.0.0.1:3000')).toBe('127.0.0.1');
    expect(hostName('[::1]:3000')).toBe('::1');
  });

  it('refuses what is not a host', () => {
    for (const bad of ['', 'evil.example/x', 'a@evil.example', 'evil.example:', 'evil.example:99999x', 'ev il.example', '::1']) expect(hostName(bad), bad).toBeNull();
  });
});

describe('SiteAddress', () => {
  it('without PUBLIC_URL: the printed address, localhost and 127.0.0.1, plus ALLOWED_HOSTS', () => {
    const address = new SiteAddress({ publicUrl: undefined, listenHost: '0.0.0.0', port: 3000, allowedHosts: ['news.lan', '.example.org'] });
    expect(address.origin()).toBe('http://localhost:3000');
    address.listening(41234);
    expect(address.origin()).toBe('http://localhost:41234');
    for (const host of ['localhost:41234', '127.0.0.1', '[::1]:41234', 'news.lan', 'example.org', 'a.b.example.org']) expect(address.serves(host), host).toBe(true);
    for (const host of [undefined, 'evil.example', 'badexample.org', 'news.lan.evil.example', 'localhost.evil.example']) expect(address.serves(host), String(host)).toBe(false);
  });

  it('a named listening address is served and printed', () => {
    const address = new SiteAddress({ publicUrl: undefined, listenHost: '192.0.2.10', port: 8080, allowedHosts: [] });
    expect(address.origin()).toBe('http://192.0.2.10:8080');
    expect(address.serves('192.0.2.10:8080')).toBe(true);
  });

  it('with PUBLIC_URL: only its host and ALLOWED_HOSTS, and links from it', () => {
    const address = new SiteAddress({ publicUrl: 'https://news.example.org', listenHost: '127.0.0.1', port: 3000, allowedHosts: ['www.news.example.org'] });
    address.listening(5000);
    expect(address.origin()).toBe('https://news.example.org');
    expect(address.serves('news.example.org')).toBe(true);
    expect(address.serves('www.news.example.org:443')).toBe(true);
    expect(address.serves('localhost:3000')).toBe(false);
    expect(address.serves('127.0.0.1')).toBe(false);
  });
});
