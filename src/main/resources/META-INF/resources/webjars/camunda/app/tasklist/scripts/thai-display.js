/*
 * womenfund: two fixes to what Tasklist and Cockpit show, loaded through customScripts in their config.js
 * (Cockpit loads this same file from ../tasklist/scripts/).
 *
 * 1. Refusals in Thai without the engine's English prefix. When a start form or a task form is refused,
 *    the REST API answers "Cannot instantiate process definition loan-application:1:…: <Thai message>"
 *    and the webapp shows all of it; officers see only the Thai message.
 * 2. Buddhist-era dates where the webapp prints raw ISO date-times (Cockpit's tables: start time, due
 *    date, …): "2026-12-12T13:32:24" becomes "12/12/2569 13:32". The webapp already shows these in the
 *    browser's time zone, so only the year changes (+543) and the format.
 */
const ENGINE_PREFIX =
  /^\s*(Cannot instantiate process definition|Cannot submit task form|Cannot complete task|Cannot start process instance)\s+\S+?:\s+/;
const ISO_DATE_TIME = /^(\s*)(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?(\s*)$/;

function thaiDateTime(text) {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) {
    return null;
  }
  let [year, month, day, hour, minute] = [Number(m[2]), m[3], m[4], m[5], m[6]];
  if (m[9]) {
    // with a zone (Z, +07:00): show it in the browser's time zone like the rest of the page
    const d = new Date(text.trim());
    if (isNaN(d.getTime())) {
      return null;
    }
    const two = (n) => String(n).padStart(2, '0');
    [year, month, day, hour, minute] = [d.getFullYear(), two(d.getMonth() + 1), two(d.getDate()), two(d.getHours()),
      two(d.getMinutes())];
  }
  return `${m[1]}${day}/${month}/${year + 543} ${hour}:${minute}${m[10]}`;
}

function tidy(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    const thai = thaiDateTime(root.nodeValue);
    if (thai !== null && root.parentElement && !root.parentElement.closest('input, textarea, [contenteditable]')) {
      root.nodeValue = thai;
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  root.querySelectorAll('.notifications .message').forEach((message) => {
    if (ENGINE_PREFIX.test(message.textContent)) {
      message.textContent = message.textContent.replace(ENGINE_PREFIX, '');
    }
  });
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (ISO_DATE_TIME.test(node.nodeValue)) {
      tidy(node);
    }
  }
}

function watch() {
  tidy(document.body);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        tidy(mutation.target);
      } else {
        mutation.addedNodes.forEach(tidy);
        if (mutation.target.nodeType === Node.ELEMENT_NODE && mutation.target.closest('.notifications')) {
          tidy(mutation.target.closest('.notifications'));
        }
      }
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

if (document.body) {
  watch();
} else {
  document.addEventListener('DOMContentLoaded', watch);
}
