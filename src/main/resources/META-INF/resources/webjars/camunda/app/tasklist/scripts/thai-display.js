/*
 * womenfund: two fixes to what Tasklist and Cockpit show, loaded through customScripts in their config.js
 * (Cockpit loads this same file from ../tasklist/scripts/).
 *
 * 1. Refusals in Thai without the engine's English prefix. When a start form or a task form is refused,
 *    the REST API answers "Cannot instantiate process definition loan-application:1:…: <Thai message>"
 *    and the webapp shows all of it; officers see only the Thai message.
 * 2. Buddhist-era dates where the webapp prints raw ISO date-times (Cockpit's tables: start time, due
 *    date, …): "2026-12-12T13:32:24" becomes "12/12/2569 13:32". A date-time with a zone is shown in
 *    Thailand's time (Asia/Bangkok); one without is already local, so only the year changes (+543).
 * 3. The form viewer's own words in Thai. Camunda Forms (form-js) has no translations: its validation
 *    messages ("Field is required.", "Field must have maximum length of 50.") and the select's "Select" /
 *    "No results" are English in its bundle. Inside a form (.fjs-container) they are replaced by Thai.
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
    // with a zone (Z, +07:00): show it in Thailand's time (Asia/Bangkok), whatever the browser's zone
    const d = new Date(text.trim());
    if (isNaN(d.getTime())) {
      return null;
    }
    const parts = {};
    new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(d).forEach((p) => {
      parts[p.type] = p.value;
    });
    [year, month, day, hour, minute] = [Number(parts.year), parts.month, parts.day, parts.hour, parts.minute];
  }
  return `${m[1]}${day}/${month}/${year + 543} ${hour}:${minute}${m[10]}`;
}

/** form-js's English, exactly as its bundle (7.24) writes it, and the Thai an officer reads instead. */
const FORM_WORDS = [
  [/^Field is required\.$/, () => 'กรุณากรอกข้อมูลในช่องนี้'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `ต้องมีอย่างน้อย ${n} ตัวอักษร`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `ต้องไม่เกิน ${n} ตัวอักษร`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `ต้องไม่น้อยกว่า ${n}`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `ต้องไม่มากกว่า ${n}`],
  [/^Field must match pattern .*\.$/, () => 'รูปแบบข้อมูลไม่ถูกต้อง'],
  [/^Field must be a valid email\.$/, () => 'กรุณากรอกอีเมลให้ถูกต้อง เช่น somchai@example.com'],
  [/^Field must be a valid +international phone number\..*$/, () => 'กรุณากรอกหมายเลขโทรศัพท์ให้ถูกต้อง'],
  [/^Select$/, () => 'เลือก'],
  [/^Search$/, () => 'ค้นหา'],
  [/^No results$/, () => 'ไม่พบรายการ'],
  [/^All values selected$/, () => 'เลือกครบทุกรายการแล้ว'],
  [/^Date and time must both be entered\.$/, () => 'กรุณากรอกทั้งวันที่และเวลา'],
  [/^Add new$/, () => 'เพิ่มแถว'],
  [/^Collapse$/, () => 'ย่อแถว'],
  [/^Expand all \((\d+)\)$/, (n) => `แสดงทุกแถว (${n})`],
];

function thaiFormWords(text) {
  const trimmed = text.trim();
  for (const [english, thai] of FORM_WORDS) {
    const m = english.exec(trimmed);
    if (m) {
      return text.replace(trimmed, thai(m[1]));
    }
  }
  return null;
}

function inForm(node) {
  const parent = node.parentElement;
  return parent && parent.closest('.fjs-container') && !parent.closest('input, textarea, [contenteditable]');
}

function tidyText(node) {
  const thai = thaiDateTime(node.nodeValue);
  if (thai !== null && node.parentElement && !node.parentElement.closest('input, textarea, [contenteditable]')) {
    node.nodeValue = thai;
    return;
  }
  if (inForm(node)) {
    const words = thaiFormWords(node.nodeValue);
    if (words !== null) {
      node.nodeValue = words;
    }
  }
}

function tidy(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    tidyText(root);
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
    if (ISO_DATE_TIME.test(node.nodeValue) || /^\s*(Field|Select|Search|No results|All values|Date and time|Add new|Collapse|Expand all)/.test(node.nodeValue)) {
      tidyText(node);
    }
  }
  root.querySelectorAll('.fjs-container input[placeholder="Search"]').forEach((input) => {
    input.placeholder = 'ค้นหา';
  });
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
