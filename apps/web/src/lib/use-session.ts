import { useSyncExternalStore } from 'react';
import { session, type SessionState } from './session.js';

const subscribe = (listener: () => void) => session.subscribe(listener);
const snapshot = () => session.get();

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, snapshot);
}
