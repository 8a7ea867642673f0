/**
 * The page's side of the workers: a request/reply client per worker, and a pool that runs replicate
 * tasks on several workers at once (results do not depend on which worker runs what).
 */
import type { WorkerMessage, WorkerReplies, WorkerRequest, WorkerResponse } from './protocol.js';

/** A request of kind K. */
type RequestOf<K extends WorkerRequest['kind']> = Extract<WorkerRequest, { kind: K }>;

/** One worker, spoken to by request and reply. */
export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private closed = false;

  /** Wraps `worker`. */
  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerResponse>) => {
      const p = this.pending.get(e.data.id);
      if (!p) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) p.resolve(e.data.value);
      else p.reject(new Error(e.data.error));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.failAll(new Error(e.message || 'the worker failed'));
    };
  }

  /** Sends one request; resolves with its reply. */
  request<K extends WorkerRequest['kind']>(req: RequestOf<K>): Promise<WorkerReplies[K]> {
    if (this.closed) return Promise.reject(new Error('the worker was stopped'));
    const id = this.nextId++;
    return new Promise<WorkerReplies[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: (v) => resolve(v as WorkerReplies[K]), reject });
      const msg: WorkerMessage = { ...req, id };
      this.worker.postMessage(msg);
    });
  }

  /** Stops the worker; pending requests fail. */
  terminate(): void {
    this.closed = true;
    this.worker.terminate();
    this.failAll(new Error('stopped'));
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** Runs tasks on up to `size` workers made by `spawn`, calling `onDone` as each finishes. */
export class WorkerPool {
  private clients: WorkerClient[] = [];

  /** A pool of `size` workers made on first use. */
  constructor(
    private readonly spawn: () => Worker,
    readonly size: number,
  ) {}

  private grow(n: number): void {
    while (this.clients.length < Math.min(this.size, n)) this.clients.push(new WorkerClient(this.spawn()));
  }

  /**
   * Starts every worker and gives each `task` once, so that loading the worker and compiling the model's hot
   * code happen before the first run rather than in it; replies are discarded, failures ignored (a real
   * run reports them). Resolves when every worker has answered.
   */
  async warm<K extends WorkerRequest['kind']>(task: RequestOf<K>): Promise<void> {
    this.grow(this.size);
    await Promise.all(this.clients.map((c) => c.request<K>(task).catch(() => undefined)));
  }

  /** Runs every task (in order of start, `size` at a time); rejects on the first failure. */
  async run<K extends WorkerRequest['kind']>(tasks: readonly RequestOf<K>[], onDone: (reply: WorkerReplies[K], task: RequestOf<K>) => void): Promise<void> {
    this.grow(tasks.length);
    let next = 0;
    const lane = async (client: WorkerClient) => {
      while (next < tasks.length) {
        const task = tasks[next++];
        onDone(await client.request<K>(task), task);
      }
    };
    await Promise.all(this.clients.slice(0, Math.min(this.size, tasks.length)).map(lane));
  }

  /** Stops every worker (running tasks fail with "stopped"); the next `run` starts fresh ones. */
  stop(): void {
    for (const c of this.clients) c.terminate();
    this.clients = [];
  }
}
