import type { ThreadRisk } from '@/lib/features/gmail/messages';
import { MAX_RISK_THREADS } from '@/lib/messaging/limits';
import type { ReplyTo } from '@/lib/messaging/schemas';
import { BadgePill, createPillSheet } from './badge-pill';
import { BadgeTooltip } from './badge-tooltip';

type RisksReply = ReplyTo<'content/get-thread-risks'>;

/** Where one badge goes: first in a row's subject line, or at the end of a conversation's heading. */
export interface BadgeSpot {
  threadId: string;
  anchor: Element;
  where: 'first' | 'last';
}

export interface RiskSource {
  ask(threadIds: string[]): Promise<RisksReply | undefined>;
  open(risk: ThreadRisk): void;
}

interface Known {
  risk: ThreadRisk | null;
  generation: number;
}

/** Disconnected badges kept for rows that come back (Gmail re-renders, back to the list); beyond this, dropped. */
const MAX_IDLE_PILLS = 500;

/**
 * Draws a risk badge on every spot whose thread has a client, keyed by thread
 * id: when Gmail replaces a row, the same badge moves to the new one within
 * the frame. Risks are asked of the background once per thread and asked
 * again after `refresh()`; until the answer comes the old badge stays.
 */
export class RiskBadges {
  private readonly known = new Map<string, Known>();
  private readonly pills = new Map<string, BadgePill>();
  private readonly inFlight = new Set<string>();
  private readonly tooltip: BadgeTooltip;
  private readonly sheet = createPillSheet();
  private generation = 0;
  private hint = '';
  private spots: BadgeSpot[] = [];
  private askScheduled = false;

  constructor(
    private readonly doc: Document,
    private readonly source: RiskSource,
  ) {
    this.tooltip = new BadgeTooltip(doc);
  }

  /**
   * Puts badges on these spots and takes them off everywhere else. The caller
   * leaves out the spots of a page that reads badly: no badge rather than a wrong one.
   */
  render(spots: BadgeSpot[]): void {
    this.spots = spots;
    const placed = new Set<BadgePill>();
    for (const spot of spots) {
      const known = this.known.get(spot.threadId);
      if (!known || known.generation < this.generation) this.want(spot.threadId);
      if (!known?.risk || !spot.anchor.isConnected) continue;
      const key = `${spot.where}:${spot.threadId}`;
      let pill = this.pills.get(key);
      if (!pill) {
        pill = new BadgePill({
          doc: this.doc,
          sheet: this.sheet,
          tooltip: this.tooltip,
          hint: () => this.hint,
          open: (risk) => this.source.open(risk),
        });
        this.pills.set(key, pill);
      }
      pill.update(known.risk);
      place(pill.host, spot);
      placed.add(pill);
    }
    for (const pill of this.pills.values()) {
      if (placed.has(pill) || !pill.host.isConnected) continue;
      pill.host.remove();
      this.tooltip.hide();
    }
    this.trimIdle(placed);
  }

  /** The stored risks changed: ask again for what is shown, and for anything else when it shows again. */
  refresh(): void {
    this.generation += 1;
    this.render(this.spots);
  }

  destroy(): void {
    for (const pill of this.pills.values()) pill.host.remove();
    this.pills.clear();
    this.tooltip.destroy();
  }

  private want(threadId: string): void {
    if (this.inFlight.has(threadId)) return;
    this.inFlight.add(threadId);
    if (this.askScheduled) return;
    this.askScheduled = true;
    // One ask for everything a render pass found missing.
    queueMicrotask(() => void this.ask());
  }

  private async ask(): Promise<void> {
    this.askScheduled = false;
    const ids = [...this.inFlight];
    const generation = this.generation;
    let answered = false;
    for (let start = 0; start < ids.length; start += MAX_RISK_THREADS) {
      const chunk = ids.slice(start, start + MAX_RISK_THREADS);
      const reply = await this.source.ask(chunk).catch(() => undefined);
      for (const id of chunk) this.inFlight.delete(id);
      if (!reply) continue;
      answered = true;
      this.hint = reply.openHint;
      const found = new Map(reply.threads.map((risk) => [risk.threadId, risk]));
      for (const id of chunk) this.known.set(id, { risk: found.get(id) ?? null, generation });
    }
    // Without an answer (the background restarting) the next change of the page asks again, not a loop.
    if (answered) this.render(this.spots);
  }

  private trimIdle(placed: Set<BadgePill>): void {
    if (this.pills.size - placed.size <= MAX_IDLE_PILLS) return;
    for (const [key, pill] of this.pills) if (!placed.has(pill)) this.pills.delete(key);
  }
}

function place(host: HTMLElement, spot: BadgeSpot): void {
  const { anchor, where } = spot;
  if (where === 'first' ? anchor.firstChild === host : anchor.lastChild === host) return;
  if (where === 'first') anchor.insertBefore(host, anchor.firstChild);
  else anchor.append(host);
}
