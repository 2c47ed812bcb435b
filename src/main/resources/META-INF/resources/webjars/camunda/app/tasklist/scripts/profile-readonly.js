/*
 * womenfund: an officer's own profile page (Admin's "users/<id>?tab=profile", opened from "โปรไฟล์ของฉัน" in
 * every app's header) shows her name and e-mail address without letting her change them. The engine refuses
 * such a change anyway (security/GuardedIdentityProvider); this only stops offering it. Her password she may
 * still change on the same page. Administrators (who may open Admin) keep the editable form.
 * Loaded by admin/scripts/config.js through customScripts.
 */
const PROFILE_FIELDS = ['#inputFirstname', '#inputLastname', '#inputEmail'];

function authenticationUrl() {
  const m = window.location.pathname.match(/^(.*)\/app\/admin\/([^/]+)\//);
  return m ? `${m[1]}/api/admin/auth/user/${m[2]}` : null;
}

function lock(form) {
  PROFILE_FIELDS.forEach((selector) => {
    const input = form.querySelector(selector);
    if (input) {
      input.readOnly = true;
      input.disabled = true;
    }
  });
  form.querySelectorAll('button[type="submit"]').forEach((button) => {
    button.style.display = 'none';
  });
  const note = document.createElement('p');
  note.className = 'help-block womenfund-profile-note';
  note.textContent = 'ชื่อ นามสกุล และอีเมลแก้ไขได้เฉพาะผู้ดูแลระบบ หากข้อมูลไม่ถูกต้องกรุณาแจ้งผู้ดูแลระบบ';
  form.appendChild(note);
}

/** Each profile form, once it appears: asks who is signed in now, and locks the form unless she may use Admin. */
function checkProfile() {
  const form = document.querySelector('form[name="editProfileForm"]');
  const url = authenticationUrl();
  if (!form || !url || form.dataset.womenfundChecked) {
    return;
  }
  form.dataset.womenfundChecked = 'true';
  fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null)
    .then((user) => {
      const admin = !!(user && Array.isArray(user.authorizedApps) && user.authorizedApps.includes('admin'));
      if (!admin) {
        lock(form);
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
