import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import {html, nothing, render, type TemplateResult} from 'lit';
import type {FindingLevel} from '../../lib/findings.js';
import type {FieldArea} from './field-skeleton.js';
import type {WarningCode} from './field-messages.js';

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
}

/** Options shared by the field cores. */
export interface FieldCoreOptions {
  /** The field's `<input>` (written by the element or by the page). */
  input: () => HTMLInputElement | null | undefined;
  /** The nodes after the input (`field-skeleton.ts`) the core renders into. */
  area: () => FieldArea | undefined;
}

export type FieldHost = ReactiveControllerHost & HTMLElement;

/**
 * What `<sonet-user-id-field>`, `<sonet-password-field>` and `<sonet-login-form>` share for one
 * input: the one code path that renders its warnings (into the warnings container the skeleton
 * wrote, which the input's `aria-describedby` references: same tree, everything is light DOM) and
 * its polite status region (see {@link FieldAnnouncer}: the warnings that appeared, once).
 */
export abstract class FieldCore implements ReactiveController {
  /** The warnings rendered in this update. */
  warnings: FieldWarning[] = [];

  protected readonly host: FieldHost;
  protected readonly options: FieldCoreOptions;
  protected readonly announcer = new FieldAnnouncer();
  /** What the area shows changed since it was last rendered. */
  private dirty = true;
  private key = '';

  constructor(host: FieldHost, options: FieldCoreOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  /** What the status region says now. */
  get announcement(): string {
    return this.announcer.text;
  }

  /** The warnings to show now (computed once per host update). */
  protected abstract computeWarnings(): FieldWarning[];

  /** A string that changes when anything else this field renders changes (the fix). */
  protected renderKey(): string {
    return '';
  }

  /** What follows the list inside the warnings container (the user ID's one-tap fix). */
  protected renderExtra(): unknown {
    return nothing;
  }

  hostUpdate(): void {
    this.warnings = this.computeWarnings();
    this.announcer.update(this.warnings);
    const key = `${this.announcer.text}\u0000${this.renderKey()}\u0000${this.warnings
      .map((w) => `${w.code}\u0001${w.level}\u0001${w.text}\u0001${w.detail ?? ''}`)
      .join('\u0002')}`;
    this.dirty ||= key !== this.key;
    this.key = key;
  }

  /** Renders the area when what it shows changed. */
  hostUpdated(): void {
    const area = this.options.area();
    if (!area || !this.dirty) return;
    this.dirty = false;
    render(this.renderWarnings(), area.warnings, {host: this.host});
    if (area.status.textContent !== this.announcement) area.status.textContent = this.announcement;
  }

  /** Sets the status region's text (announced politely by screen readers). */
  announce(text: string): void {
    this.announcer.text = text;
    this.dirty = true;
  }

  private renderWarnings(): TemplateResult {
    const warnings = this.warnings;
    return html`${
      warnings.length
        ? html`<ul class="sonet-warnings">
            ${warnings.map(
              (w) =>
                // The detail is a block of its own: when it changes (on most keys while typing
                // kana), only its line is laid out again, not the sentence above it.
                html`<li class="sonet-warning" part="warning" data-code=${w.code} data-level=${w.level}>${w.text}${
                  w.detail ? html`<span class="sonet-warning__detail">${w.detail}</span>` : nothing
                }</li>`
            )}
          </ul>`
        : nothing
    }${this.renderExtra()}`;
  }
}
