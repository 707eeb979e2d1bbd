import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { AppContext } from '../app/context.js';

/** The app's services: api, session, me (the caller), agencies, purpose. */
export function useApp() {
  return useContext(AppContext);
}

/**
 * Loads data with `load(api)` whenever `deps` change; `reload()` loads again. Keeps the last data
 * while reloading so screens do not flicker.
 */
export function useLoad(load, deps) {
  const { api } = useApp();
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    Promise.resolve()
      .then(() => load(api))
      .then(
        (data) => mine === generation.current && setState({ data, error: null, loading: false }),
        (error) => mine === generation.current && setState({ data: null, error, loading: false }),
      );
  }, deps); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/**
 * Runs a write; tracks busy and error. `action` gets the api and returns a promise; on success
 * `onDone(result)` runs. Form state stays as typed when the write fails.
 */
export function useAction(action, onDone) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async (...args) => {
    setBusy(true);
    setError(null);
    try {
      const result = await action(api, ...args);
      if (onDone) await onDone(result);
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}
