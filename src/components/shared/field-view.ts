import type {FindingLevel} from '../../lib/findings.js';
import type {WarningCode} from './field-messages.js';

/**
 * What the fields' views share — `<sonet-login-form>`'s first view (login-form.ts, which builds
 * its areas with DOM calls) and the full field cores (`field-templates.ts`, Lit templates, used by
 * the form's behaviour, `<sonet-user-id-field>` and `<sonet-password-field>`): the warning
 * shape, the announcer, `aria-describedby`. Both write the same markup with the same ids.
 */

/** One warning as shown next to a field. */
export interface FieldWarning {
  code: WarningCode;
  level: FindingLevel;
  text: string;
  /** A second line (the characters concerned, the look-alike names). */
  detail?: string;
}

/**
 * What a field's polite status region says: the warnings that appeared, once — never on each
 * keystroke (the list itself may update its text without being announced again). Only
 * removals clear the region, so the same warning coming back is announced again.
 */
export class FieldAnnouncer {
  /** What the status region says now. */
  text = '';
  private codes = new Set<WarningCode>();

  /** Takes the warnings rendered now; returns true when the announcement changed. */
  update(warnings: readonly FieldWarning[]): boolean {
    const codes = new Set(warnings.map((w) => w.code));
    const added = warnings.filter((w) => !this.codes.has(w.code) && w.level !== 'info');
    const changed = codes.size !== this.codes.size || added.length > 0;
    this.codes = codes;
    if (changed) this.text = added.map((w) => w.text).join(' ');
    return changed;
  }

  /** Continues where another announcer left off (nothing said twice). */
  adopt(other: FieldAnnouncer): void {
    this.codes = other.codes;
    this.text = other.text;
  }
}

/** Adds `id` to the input's `aria-describedby`, keeping what the page put there. */
export function describeBy(input: HTMLInputElement, id: string): void {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) input.setAttribute('aria-describedby', [...ids, id].join(' '));
}
