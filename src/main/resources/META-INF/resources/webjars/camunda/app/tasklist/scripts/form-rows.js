/*
 * womenfund: a form with a dynamic list (the loan application's borrower rows) can be submitted in Tasklist.
 *
 * Tasklist 7.24 disables "Start" / "Complete" while form-js reports errors, and decides that by counting the
 * keys of form-js's error state. For a field inside a dynamic list, form-js (the version bundled with 7.24)
 * keeps a slot per row even when that row has no error ({nationalId_field: [undefined, undefined]}), so
 * once anything is typed into a row the button stays disabled although nothing is wrong. This script
 * (loaded through customScripts in config.js) drops those empty slots from the error state before form-js
 * announces it; real errors are kept as they are, and the server still checks every row.
 * form-js lives inside the webapp's webpack bundle (lib/deps.js); its Form class is found through the
 * bundle's chunk loader by its source, as bangkok-time.js finds moment.js.
 */
function withoutEmptySlots(errors) {
  if (Array.isArray(errors)) {
    return errors.some((e) => typeof e === 'string') ? errors : pruned(errors);
  }
  return pruned(errors);
}

function pruned(errors) {
  if (errors === null || typeof errors !== 'object') {
    return errors;
  }
  const result = {};
  for (const [key, value] of Object.entries(errors)) {
    if (value === undefined || value === null) {
      continue;
    }
    const kept = typeof value === 'object' ? withoutEmptySlots(value) : value;
    if (kept !== null && typeof kept === 'object' && Object.keys(kept).length === 0) {
      continue;
    }
    result[key] = kept;
  }
  return result;
}

function formClasses() {
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  const found = [];
  chunks.push([
    ['womenfund-form-rows'],
    {},
    (webpackRequire) => {
      for (const id of Object.keys(webpackRequire.m || {})) {
        const source = Function.prototype.toString.call(webpackRequire.m[id]);
        if (source.includes('_getSubmitData(){') && source.includes('_setState(e){')) {
          const exported = webpackRequire(id);
          for (const candidate of Object.values(exported || {})) {
            if (typeof candidate === 'function' && candidate.prototype && candidate.prototype._setState
                && candidate.prototype._getSubmitData) {
              found.push(candidate);
            }
          }
        }
      }
    }
  ]);
  return found;
}

try {
  const classes = formClasses();
  classes.forEach((Form) => {
    const setState = Form.prototype._setState;
    Form.prototype._setState = function (state) {
      return setState.call(this, state && state.errors ? {...state, errors: pruned(state.errors)} : state);
    };
  });
  window.womenfundFormRows = classes.length; // for the browser tests
  if (!classes.length) {
    console.warn('womenfund: form-js not found, a dynamic list may keep the submit button disabled');
  }
} catch (e) {
  console.warn('womenfund: dynamic list fix not applied', e);
}
