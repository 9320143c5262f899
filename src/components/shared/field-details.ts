import {msg, str} from '@lit/localize';
import type {Finding, FindingCode} from '../../lib/findings.js';

// The details the field cores add to a warning (the characters concerned, the one-tap fix's
// label, the look-alike names), apart from the warning sentences (field-messages.ts).

/** The characters a full-width or kana warning is about, for the user ID (never the password). */
export function charsText(chars: readonly string[]): string {
  const list = chars.slice(0, 12).join(' ');
  return msg(str`該当する文字: ${list}`, {id: 'warning.chars'});
}

/**
 * The label of the user ID's one-tap fix. The analyser gives every repairable finding the same
 * suggestion (all repairs at once), so one button is offered: named after the repair when there
 * is one kind, after the result when there are several.
 */
export function fixLabel(findings: readonly Finding[], fix: string): string {
  const codes = new Set(findings.filter((f) => f.fix !== undefined).map((f) => f.code));
  const spaces = ['space', 'full-width-space', 'edge-space'].filter((c) => codes.has(c as FindingCode));
  const kinds = codes.size - Math.max(0, spaces.length - 1);
  if (kinds === 1) {
    if (codes.has('full-width')) return msg('全角を半角に変換', {id: 'field.fix.full-width'});
    if (spaces.length) return msg('スペースを削除', {id: 'field.fix.space'});
    if (codes.has('invisible')) return msg('見えない文字を削除', {id: 'field.fix.invisible'});
    if (codes.has('full-domain')) return msg(str`ドメインを除く (${fix})`, {id: 'field.fix.full-domain'});
    if (codes.has('kana')) return msg(str`「${fix}」に置き換える`, {id: 'field.fix.kana'});
  }
  return msg(str`「${fix}」に直す`, {id: 'field.fix.all'});
}

/** A look-alike character with its name: 「I (大文字のアイ)」. */
export function lookAlikeName(char: string): string {
  switch (char) {
    case 'I':
      return msg('I (大文字のアイ)', {id: 'field.char.upper-i'});
    case 'l':
      return msg('l (小文字のエル)', {id: 'field.char.lower-l'});
    case '1':
      return msg('1 (数字のイチ)', {id: 'field.char.one'});
    case '|':
      return msg('| (縦線)', {id: 'field.char.bar'});
    case 'O':
      return msg('O (大文字のオー)', {id: 'field.char.upper-o'});
    case '0':
      return msg('0 (数字のゼロ)', {id: 'field.char.zero'});
    case 'o':
      return msg('o (小文字のオー)', {id: 'field.char.lower-o'});
    default:
      return char;
  }
}
