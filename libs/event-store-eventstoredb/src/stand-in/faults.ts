/**
 * Failures a real server shows and tests need to provoke on purpose. Each one is armed by a test
 * through the stand-in handle and fires once.
 */
export interface StandInFaults {
  /**
   * The next append is written, but its acknowledgement never arrives: the call fails with
   * UNAVAILABLE, as when the leader goes away after replicating a write. The client cannot tell
   * whether the events were stored.
   */
  loseNextAppendAck: boolean;
}

export const UNAVAILABLE_AFTER_WRITE = 'Connection lost after the write (stand-in fault)';
