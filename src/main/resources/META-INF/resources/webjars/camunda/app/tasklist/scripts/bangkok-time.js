/*
 * womenfund: Tasklist's own dates and times in Thailand's time (Asia/Bangkok), whatever the time zone of
 * the officer's computer. Loaded through customScripts in config.js.
 *
 * Tasklist formats every date it shows (created, due, follow-up, the history of a task) with moment.js in
 * the browser's time zone, and its bundle has no moment-timezone. moment.js has one hook for zones,
 * moment.updateOffset (moment-timezone uses it): this script sets it so that every moment the webapp makes
 * shows UTC+07:00. Thailand keeps no daylight saving time, so a fixed offset is Asia/Bangkok all year.
 * The instant is not changed (what is sent to the engine stays the same point in time), only how it is
 * shown. Moments made explicitly in UTC are left alone. moment.js lives inside the webapp's webpack bundle
 * (lib/deps.js); it is found through the bundle's chunk loader by its source.
 *
 * Cockpit's raw ISO date-times are converted by thai-display.js, which already shows them in Asia/Bangkok.
 */
const BANGKOK_OFFSET_MINUTES = 7 * 60;

function bundledMoment() {
  const chunks = (self.webpackChunkcamunda_bpm_webapp = self.webpackChunkcamunda_bpm_webapp || []);
  let found = null;
  chunks.push([
    ['womenfund-bangkok-time'],
    {},
    (webpackRequire) => {
      for (const id of Object.keys(webpackRequire.m || {})) {
        const source = Function.prototype.toString.call(webpackRequire.m[id]);
        if (source.includes('updateOffset=function(){}') && source.includes('defineLocale')) {
          const exported = webpackRequire(id);
          const moment = exported && typeof exported.utc === 'function' ? exported : exported && exported.default;
          if (moment && typeof moment.utc === 'function' && 'updateOffset' in moment) {
            found = moment;
            return;
          }
        }
      }
    }
  ]);
  return found;
}

export function showInBangkok(moment) {
  moment.updateOffset = function (m) {
    if (m._isUTC || !m.isValid()) {
      return; // already shown in a fixed offset (ours, or UTC on purpose)
    }
    m.utcOffset(BANGKOK_OFFSET_MINUTES);
  };
  window.womenfundMoment = moment; // for the browser tests
}

try {
  const moment = bundledMoment();
  if (moment) {
    showInBangkok(moment);
  } else {
    console.warn('womenfund: moment.js not found, dates stay in the browser time zone');
  }
} catch (e) {
  console.warn('womenfund: dates stay in the browser time zone', e);
}
