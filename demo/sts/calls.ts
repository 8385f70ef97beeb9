/**
 * A record of the STS calls served, for tests that must prove a call did (or did not) happen
 * (GET /__admin/calls). Never holds secrets: no keys, tokens or signatures.
 */
export interface CallRecord {
  action: string;
  roleArn?: string;
  time: string;
  requestId: string;
  status: number;
  errorCode?: string;
}

/** The status logged for a call that got no answer: the connection was dropped (reset fault). */
export const NO_ANSWER = 0;

const KEPT_RECORDS = 1000;

export class CallLog {
  private records: CallRecord[] = [];
  private total = 0;

  record(call: CallRecord): void {
    this.total += 1;
    this.records.push(call);
    if (this.records.length > KEPT_RECORDS) this.records.shift();
  }

  /** The count of every call since the last reset, and the latest calls (at most 1000). */
  snapshot(): { count: number; calls: readonly CallRecord[] } {
    return { count: this.total, calls: [...this.records] };
  }

  reset(): void {
    this.records = [];
    this.total = 0;
  }
}
