/*
 * womenfund: the ไทย / English switch at the bottom right of Tasklist, Cockpit, Admin and the welcome page
 * (loaded through customScripts in each app's config.js; the others load it from ../tasklist/scripts/).
 *
 * The apps are Thai whatever the browser's language (config.js offers only Thai until English is chosen).
 * The switch keeps the choice in this browser (localStorage "womenfund.lang", read by config.js) for every app,
 * and reloads the page so the app starts again in the chosen language.
 */
const LANGUAGE_KEY = 'womenfund.lang';

function chosenLanguage() {
  try {
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'th';
  } catch (e) {
    return 'th';
  }
}

function addLanguageSwitch() {
  if (document.getElementById('womenfund-language')) {
    return;
  }
  const other = chosenLanguage() === 'en' ? 'th' : 'en';
  const link = document.createElement('a');
  link.id = 'womenfund-language';
  link.href = '#';
  link.lang = other;
  link.textContent = other === 'en' ? 'English' : 'ไทย';
  link.title = other === 'en' ? 'Show the system in English' : 'แสดงระบบเป็นภาษาไทย';
  link.setAttribute('style', 'position:fixed;right:12px;bottom:8px;z-index:2000;padding:2px 10px;'
    + 'background:#fff;border:1px solid #ccc;border-radius:4px;font-size:13px;');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    try {
      window.localStorage.setItem(LANGUAGE_KEY, other);
    } catch (e) {
      // no storage: the address chooses instead (config.js reads ?lang=)
    }
    const url = new URL(window.location.href);
    url.searchParams.set('lang', other);
    window.location.replace(url.toString());
  });
  document.body.appendChild(link);
}

if (document.body) {
  addLanguageSwitch();
} else {
  document.addEventListener('DOMContentLoaded', addLanguageSwitch);
}
