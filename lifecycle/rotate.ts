import type { ConnectivityState } from "../providers/insights/contract";
import { ExternalError, InvalidConfigError } from "../values/errors";

/**
 * Rotation judged by Insights. A key or secret the toolkit replaces by slots (the Okta JWK, the
 * GCP service account key, the Entra client secret): the new one joins the old, Insights is
 * given the new one, and the old one goes only once Insights reports the connector Connected on
 * the new one. A PingOne secret has one slot: the apply regenerates it and PingOne keeps the
 * previous one working for a window (`previous.expires_at`), which must outlast `up`'s wait.
 */

/** A credential's slots as the stack holds them: the current one, and during a rotation the next. */
export interface KeySlots {
  readonly current: { readonly generation: number; readonly createdAt?: string };
  readonly next?: { readonly generation: number; readonly createdAt?: string };
}

/** One connector's credential rotated by slots: where its slots live and the kind's own begin/complete rules. */
export interface OverlapRotation<S extends KeySlots = KeySlots> {
  readonly by: "key-slots";
  /** What rotates, for messages: `Okta key`. */
  readonly credential: string;
  /** The slots the deployed stack holds; undefined before its first deploy. */
  read(): Promise<S | undefined>;
  /** The slots of a stack's first deploy: one credential, created now (so its age is known from day one). */
  first(now: Date): S;
  /** The current credential is due for replacement at `now`. */
  due(slots: S, now: Date): boolean;
  /** A new credential beside the current one (the shared key-slot steps, connectors/common/credential-rotation.ts). */
  begin(slots: S, now: Date): S;
  /** The old credential leaves, once Insights reports the new one Connected. */
  complete(slots: S): S;
  /** The deploy parameters that make the stack hold these slots. */
  parameters(slots: S): Record<string, string>;
}

/** A credential its apply replaces in place, the replaced one kept working by the source for a window (PingOne). */
export interface WindowRotation {
  readonly by: "window";
  readonly credential: string;
  /**
   * When the deployed credential is due, as its last apply recorded it; undefined before the
   * first deploy. Throws when the deployed stack cannot rotate with a window (a stack shape that
   * predates it), naming the one-time step.
   */
  dueAt(): Promise<Date | undefined>;
  /** How long the replaced credential keeps working after the apply that replaces it. */
  readonly windowMs: number;
  /** Where the window is set, for messages: `previousSecretGraceDays`. */
  readonly windowField: string;
}

export type CredentialRotationPlan = OverlapRotation | WindowRotation;

/** What Insights made of a registration: its first check, after any wait for propagation. */
export interface RegistrationOutcome {
  readonly connectivity?: ConnectivityState;
  readonly detail?: string;
}

/** The steps a rotation is made of, given by the caller (`up`): deploy with parameters, register outputs. */
export interface RotationSteps {
  deploy(parameters: Record<string, string>): Promise<Record<string, string>>;
  /** Registers the outputs with Insights and waits for its check; throws when Insights did not take them at all. */
  register(outputs: Record<string, string>): Promise<RegistrationOutcome>;
  /** What happened, for the report. */
  note(line: string): void;
}

/** Raised when Insights has not reported Connected on a new credential: the old one stays, and `up` exits 1. */
export class RotationHeldError extends ExternalError {}

/** Raised before a window rotation whose window is shorter than `up`'s wait for the new credential; nothing changed. */
export class RotationWindowTooShortError extends InvalidConfigError {}

const checkText = (outcome: RegistrationOutcome) =>
  `${outcome.connectivity ?? "no result"}${outcome.detail ? ` (${outcome.detail})` : ""}`;

/**
 * Deploys and registers one connector, rotating its credential by slots when due. A rotation an
 * earlier run left half done (a `next` slot already deployed) is resumed, not begun again, so a
 * run stopped anywhere converges on re-run: begin, deploy, register, Connected, complete, deploy.
 * Anything but Connected on the new credential (Failed, Warning, a check still pending, an API
 * error) stops before complete: both stay valid, the stack records both, and the next run resumes.
 */
export async function deployWithRotation<S extends KeySlots>(
  rotation: OverlapRotation<S>,
  now: Date,
  steps: RotationSteps,
): Promise<RegistrationOutcome> {
  const deployed = await rotation.read();
  const resuming = Boolean(deployed?.next);
  if (!deployed || (!resuming && !rotation.due(deployed, now))) {
    return steps.register(await steps.deploy(rotation.parameters(deployed ?? rotation.first(now))));
  }
  const overlapping = resuming ? deployed : rotation.begin(deployed, now);
  const [old, next] = [overlapping.current.generation, overlapping.next!.generation];
  steps.note(
    resuming
      ? `${rotation.credential}: resuming the rotation to generation ${next}`
      : `${rotation.credential}: generation ${old} is due; adding generation ${next} beside it`,
  );
  const outcome = await steps.register(await steps.deploy(rotation.parameters(overlapping)));
  if (outcome.connectivity !== "Connected") {
    throw new RotationHeldError(
      `${rotation.credential}: Insights reports ${checkText(outcome)} on generation ${next}, so generation ${old} ` +
        `stays valid beside it and is not removed (the stack keeps both). Fix the cause, then run up again: it ` +
        `checks generation ${next} again and removes generation ${old} only when Insights reports Connected`,
    );
  }
  const completed = rotation.complete(overlapping);
  await steps.deploy(rotation.parameters(completed));
  steps.note(`${rotation.credential}: generation ${old} removed; generation ${next} registered and Connected`);
  return outcome;
}

/**
 * Deploys and registers a connector whose credential its apply replaces when due (PingOne). The
 * source keeps the replaced credential working for a window from that apply; a rotation whose
 * window is shorter than `longestWaitMs` (the settle timeout plus the propagation wait) is refused
 * before anything changes, and a new credential Insights has not reported Connected leaves the
 * run failed with the time the old one stops. The apply never replaces it twice: the next due
 * time comes from the apply that did.
 */
export async function deployWithWindowRotation(
  rotation: WindowRotation,
  now: Date,
  longestWaitMs: number,
  steps: Pick<RotationSteps, "register" | "note"> & { deploy(): Promise<Record<string, string>> },
): Promise<RegistrationOutcome> {
  const due = await rotation.dueAt();
  if (!due || now.getTime() < due.getTime()) return steps.register(await steps.deploy());
  const minutes = (ms: number) => Math.ceil(ms / 60_000);
  if (rotation.windowMs < longestWaitMs) {
    throw new RotationWindowTooShortError(
      `${rotation.credential}: due, but the replaced one would keep working ${minutes(rotation.windowMs)} min ` +
        `(${rotation.windowField}), less than up waits for the new one to be Connected ` +
        `(${minutes(longestWaitMs)} min: the settle timeout plus the propagation wait). Nothing was deployed; ` +
        `raise ${rotation.windowField}, or lower --settle-timeout or propagationWaitMinutes`,
    );
  }
  // Counted from before the apply: the source starts the window at the apply, so it ends no earlier.
  const previousUntil = new Date(now.getTime() + rotation.windowMs).toISOString();
  steps.note(
    `${rotation.credential}: due; this apply replaces it, and the old one keeps working until ${previousUntil}`,
  );
  const outcome = await steps.register(await steps.deploy());
  if (outcome.connectivity !== "Connected") {
    throw new RotationHeldError(
      `${rotation.credential}: replaced, and Insights reports ${checkText(outcome)} on the new one; the old one ` +
        `keeps working until ${previousUntil} and no later (${rotation.windowField}). Fix the cause and run up ` +
        `again before then: it registers and checks the new one again, and never replaces it a second time`,
    );
  }
  return outcome;
}
