/*
 * womenfund: this file replaces the webapp's shipped config.js (same path on the classpath, ours first).
 * Started from Camunda 7.24's own config.js (Apache License 2.0, copyright Camunda Services GmbH).
 *
 * Language: Thai, whatever the browser's language. The webapp would take the browser's first language when it
 * is one of availableLocales, so only Thai is offered until English is chosen: with the ไทย / English switch
 * at the bottom right of every page (tasklist/scripts/language-switch.js), or by opening the app once with
 * ?lang=en or ?lang=th, e.g. /camunda/app/tasklist/default/?lang=en (before the #). The choice is kept in this
 * browser (localStorage "womenfund.lang"), for every app; ?lang=auto forgets it (Thai again).
 * Dates: the Thai locale files (locales/th.json, dateLocales) show Buddhist-era years (2569) through a
 * moment.js era, e.g. "13 สิงหาคม 2564 เวลา 09:30 น.".
 * The red "migrate to Camunda 8" banner is hidden by styles/user-styles.css (it has no config switch).
 */

const OFFERED_LOCALES = ['th', 'en'];

function womenfundLocales() {
  let chosen = null;
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'auto') {
      window.localStorage.removeItem('womenfund.lang');
    } else if (OFFERED_LOCALES.includes(asked)) {
      window.localStorage.setItem('womenfund.lang', asked);
    }
    chosen = window.localStorage.getItem('womenfund.lang');
  } catch (e) {
    // no storage (private mode): Thai
  }
  return OFFERED_LOCALES.includes(chosen)
    ? {availableLocales: [chosen], fallbackLocale: chosen}
    : {availableLocales: ['th'], fallbackLocale: 'th'};
}

export default {
  // womenfund: Thai first (see the comment at the top), and the fund's name in the header and title
  app: {
    name: 'รายการงาน',
    vendor: 'กองทุนพัฒนาบทบาทสตรี'
  },
  locales: womenfundLocales(),
  disableWelcomeMessage: true,
  // the task list sorted by due date, earliest first, unless the officer picks another sorting;
  // refusals without the engine's English prefix, and Buddhist-era years where raw dates are shown
  customScripts: [
    'scripts/due-date-sort',
    'scripts/thai-display',
    'scripts/language-switch',
    // dates and times in Asia/Bangkok whatever the computer's time zone
    'scripts/bangkok-time',
    // a form with rows (dynamic list) can be submitted: see the script
    'scripts/form-rows'
  ],
  dateFormat: {
    monthName: 'MMMM',
    day: 'D',
    abbr: 'lll',
    normal: 'LLL',
    long: 'LLLL',
    short: 'LL'
  },
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'รับงานที่เลือกอยู่'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'ไปที่ตัวกรองแรกในรายการ'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'ไปที่งานแรกในรายการ'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'ไปที่ช่องกรอกแรกของแบบฟอร์มงาน'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'เปิดหน้าต่างเริ่มกระบวนการ'
    }
  }
};
