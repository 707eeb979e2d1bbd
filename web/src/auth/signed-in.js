// The popup's landing page after signing in again (see Session.signInAgain): hands the code back
// to the page that opened it, on the same origin only, and closes.
import { LOGIN_CALLBACK_MESSAGE } from './session.js';

const search = window.location.search;
window.history.replaceState(null, '', window.location.pathname);
if (window.opener) {
  window.opener.postMessage({ type: LOGIN_CALLBACK_MESSAGE, search }, window.location.origin);
  window.close();
}
