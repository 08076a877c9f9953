import { useCallback, useEffect, useState } from 'react';

/**
 * An exam attempt is answered in one tab at a time, so two tabs never each record different
 * answers to it. The tab that opens it first holds a lease in localStorage, renewed by a heartbeat
 * and given up when the page is hidden for good (pagehide) or leaves the exam; any other tab that
 * opens the attempt sees that it is open elsewhere and may take it over. Tabs hear of each
 * other's changes to the lease through `storage` events. A lease whose tab died without giving it
 * up lapses after TTL_MS: long enough for a hidden tab's throttled heartbeat (once a minute).
 */
export const EXAM_LOCK_KEY = 'itil-practice.exam-lock';
export const LOCK_TTL_MS = 150_000;
const HEARTBEAT_MS = 20_000;

interface Lease {
  attemptId: string;
  tabId: string;
  expires: number;
}

/** This page's id, different in every tab and every load. */
const tabId =
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The attempt whose lease this tab holds, if any. */
let held: string | null = null;

function readLease(): Lease | null {
  try {
    const lease = JSON.parse(localStorage.getItem(EXAM_LOCK_KEY) ?? 'null') as Partial<Lease>;
    return typeof lease?.attemptId === 'string' &&
      typeof lease.tabId === 'string' &&
      typeof lease.expires === 'number'
      ? (lease as Lease)
      : null;
  } catch {
    return null;
  }
}

/** Whether another tab holds a live lease on the attempt. */
function heldElsewhere(attemptId: string, now: number): boolean {
  const lease = readLease();
  return (
    lease !== null && lease.tabId !== tabId && lease.attemptId === attemptId && lease.expires > now
  );
}

function take(attemptId: string, now: number): void {
  const lease: Lease = { attemptId, tabId, expires: now + LOCK_TTL_MS };
  try {
    localStorage.setItem(EXAM_LOCK_KEY, JSON.stringify(lease));
  } catch {
    // Storage full: this tab answers anyway; one tab without a lease is better than none.
  }
  held = attemptId;
}

function release(attemptId: string): void {
  if (held === attemptId) held = null;
  if (readLease()?.tabId === tabId) localStorage.removeItem(EXAM_LOCK_KEY);
}

/** Whether this tab is the one answering the attempt. */
export const answeringHere = (attemptId: string): boolean => held === attemptId;

/**
 * The exam lock for the attempt on screen (none for null). `elsewhere`: another tab is answering
 * it, so this one must not accept answers; `takeOver` makes this tab the one answering it.
 */
export function useExamLock(attemptId: string | null): {
  elsewhere: boolean;
  takeOver: () => void;
} {
  const [elsewhere, setElsewhere] = useState(
    () => attemptId !== null && heldElsewhere(attemptId, Date.now()),
  );
  useEffect(() => {
    if (attemptId === null) return;
    // Holds (or renews) the lease unless another tab has it; reads the lease as it is now rather
    // than as an event reported it, so that when two tabs claim at once the last write wins in both.
    const claim = () => {
      const busy = heldElsewhere(attemptId, Date.now());
      if (busy) {
        if (held === attemptId) held = null;
      } else {
        take(attemptId, Date.now());
      }
      setElsewhere(busy);
    };
    claim();
    const heartbeat = setInterval(claim, HEARTBEAT_MS);
    const onStorage = (event: StorageEvent) => {
      if (event.key === EXAM_LOCK_KEY || event.key === null) claim();
    };
    const onHide = () => release(attemptId);
    const onShow = (event: PageTransitionEvent) => {
      if (event.persisted) claim();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('pageshow', onShow);
    return () => {
      clearInterval(heartbeat);
      window.removeEventListener('storage', onStorage);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('pageshow', onShow);
      release(attemptId);
    };
  }, [attemptId]);
  const takeOver = useCallback(() => {
    if (attemptId === null) return;
    take(attemptId, Date.now());
    setElsewhere(false);
  }, [attemptId]);
  return { elsewhere: attemptId !== null && elsewhere, takeOver };
}
