/*
 * womenfund: an officer's own profile ("ข้อมูลของฉัน" in every app's header opens the welcome page's profile;
 * Admin has the same form at users/<id>?tab=profile, for administrators) shows her name and e-mail address
 * without offering to change them. The engine refuses such a change anyway (security/GuardedIdentityProvider);
 * this only stops offering it. Her password she may still change there. Administrators (who may open Admin) keep
 * the editable form. Loaded by welcome/ and admin/scripts/config.js through customScripts.
 */
/** The profile forms of the welcome page and of Admin, with their name and e-mail fields. */
const PROFILE_FORMS = [
  {form: 'form[name="userProfile"]', fields: ['#user-profile-firstname', '#user-profile-lastname',
    '#user-profile-email']},
  {form: 'form[name="editProfileForm"]', fields: ['#inputFirstname', '#inputLastname', '#inputEmail']},
];
/** The welcome page's "แก้ไขข้อมูลส่วนตัว" link, which opens its profile form. */
const EDIT_PROFILE_LINK = 'a[ng-click="showForm(\'profile\')"]';
let mayEditProfiles = null;
let asking = false;

function authenticationUrl() {
  const m = window.location.pathname.match(/^(.*)\/app\/[^/]+\/([^/]+)\//);
  return m ? `${m[1]}/api/admin/auth/user/${m[2]}` : null;
}

function lock() {
  document.querySelectorAll(EDIT_PROFILE_LINK).forEach((link) => {
    (link.closest('li') || link).style.display = 'none';
  });
  PROFILE_FORMS.forEach(({form, fields}) => {
    document.querySelectorAll(form).forEach((f) => {
      if (f.dataset.womenfundLocked) {
        return;
      }
      f.dataset.womenfundLocked = 'true';
      fields.forEach((selector) => {
        const input = f.querySelector(selector);
        if (input) {
          input.readOnly = true;
          input.disabled = true;
        }
      });
      f.querySelectorAll('button[type="submit"]').forEach((button) => {
        button.style.display = 'none';
      });
      const note = document.createElement('p');
      note.className = 'help-block womenfund-profile-note';
      note.textContent = 'ชื่อ นามสกุล และอีเมลแก้ไขได้เฉพาะผู้ดูแลระบบ หากข้อมูลไม่ถูกต้องกรุณาแจ้งผู้ดูแลระบบ';
      f.appendChild(note);
    });
  });
}

/** Asks once who is signed in (after she has signed in), and locks the forms unless she may use Admin. */
function checkProfile() {
  if (mayEditProfiles === false) {
    lock();
    return;
  }
  const url = authenticationUrl();
  const profileShown = document.querySelector([EDIT_PROFILE_LINK, ...PROFILE_FORMS.map((p) => p.form)].join(', '));
  if (mayEditProfiles !== null || asking || !url || !profileShown) {
    return;
  }
  asking = true;
  fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((user) => {
      asking = false;
      if (!user || !user.userId) {
        return; // nobody signed in yet: ask again when the page changes
      }
      mayEditProfiles = Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin');
      if (!mayEditProfiles) {
        lock();
      }
    });
}

function watchProfile() {
  checkProfile();
  new MutationObserver(checkProfile).observe(document.body, {childList: true, subtree: true});
}

if (document.body) {
  watchProfile();
} else {
  document.addEventListener('DOMContentLoaded', watchProfile);
}
