/**
 * Rotation by overlap for keys the toolkit replaces itself (Okta's JWK, the GCP service
 * account key): the new key joins the old one, Insights is given the new key, and only
 * then does the old key go. At no moment does Insights hold a key the source has dropped.
 * Entra and PingOne secrets rotate inside their own Terraform apply (`time_rotating`), so
 * an ordinary deploy + register covers them and they need none of this.
 */

/** A key's slots as the stack holds them: the current key, and during a rotation the next. */
export interface KeySlots {
  readonly current: { readonly generation: number; readonly createdAt?: string };
  readonly next?: { readonly generation: number; readonly createdAt?: string };
}

/** One connector's rotating key: where its slots live and the kind's own begin/complete rules. */
export interface OverlapRotation<S extends KeySlots = KeySlots> {
  /** What rotates, for messages: `Okta key`. */
  readonly credential: string;
  /** The slots the deployed stack holds; undefined before its first deploy. */
  read(): Promise<S | undefined>;
  /** The slots of a stack's first deploy: one key, created now (so its age is known from day one). */
  first(now: Date): S;
  /** The current key is due for replacement at `now`. */
  due(slots: S, now: Date): boolean;
  /** A new key beside the current one (connectors/<kind>/key-rotation.ts). */
  begin(slots: S, now: Date): S;
  /** The old key leaves, after the new one is registered. */
  complete(slots: S): S;
  /** The deploy parameters that make the stack hold these slots. */
  parameters(slots: S): Record<string, string>;
}

/** The steps a rotation is made of, given by the caller (`up`): deploy with parameters, register outputs. */
export interface RotationSteps {
  deploy(parameters: Record<string, string>): Promise<Record<string, string>>;
  /** Registers the outputs with Insights; throws when Insights did not take them. */
  register(outputs: Record<string, string>): Promise<void>;
  /** What happened, for the report. */
  note(line: string): void;
}

/**
 * Deploys and registers one connector, rotating its key when due. A rotation an earlier run
 * left half done (a `next` slot already deployed) is resumed, not begun again, so a run
 * killed anywhere converges on re-run: begin, deploy, register, complete, deploy.
 */
export async function deployWithRotation<S extends KeySlots>(
  rotation: OverlapRotation<S>,
  now: Date,
  steps: RotationSteps,
): Promise<void> {
  const deployed = await rotation.read();
  const resuming = Boolean(deployed?.next);
  if (!deployed || (!resuming && !rotation.due(deployed, now))) {
    await steps.register(await steps.deploy(rotation.parameters(deployed ?? rotation.first(now))));
    return;
  }
  const overlapping = resuming ? deployed : rotation.begin(deployed, now);
  steps.note(
    resuming
      ? `${rotation.credential}: resuming the rotation to generation ${overlapping.next!.generation}`
      : `${rotation.credential}: generation ${deployed.current.generation} is due; adding generation ${
          overlapping.next!.generation
        } beside it`,
  );
  // The old key stays until Insights holds the new one: a failed registration throws here,
  // and the next run resumes with both keys still valid.
  await steps.register(await steps.deploy(rotation.parameters(overlapping)));
  const completed = rotation.complete(overlapping);
  await steps.deploy(rotation.parameters(completed));
  steps.note(
    `${rotation.credential}: generation ${deployed.current.generation} removed; ` +
      `generation ${completed.current.generation} registered`,
  );
}
