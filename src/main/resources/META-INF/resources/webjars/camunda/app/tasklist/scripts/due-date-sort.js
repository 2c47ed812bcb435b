/*
 * womenfund: Tasklist lists the most urgent task first.
 *
 * Tasklist sorts the task list by the "sorting" parameter of its address and, when there is none, by
 * creation date, newest first: the ordering saved in a filter is not used, and config.js has no setting
 * for it. This script (loaded through customScripts in config.js) adds "due date, earliest first" to the
 * address of the task list whenever no sorting is chosen yet. A sorting the officer picks in Tasklist
 * stays as she chose it.
 */
const DEFAULT_SORTING = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

function sortByDueDateUnlessChosen() {
  const hash = window.location.hash || '';
  // the task list is the route "#/" (with or without a query); leave #/login and the rest alone
  const route = hash.match(/^#\/(\?(.*))?$/);
  if (!route) {
    return;
  }
  const params = new URLSearchParams(route[2] || '');
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DEFAULT_SORTING);
  window.location.replace('#/?' + params.toString());
}

window.addEventListener('hashchange', sortByDueDateUnlessChosen);
sortByDueDateUnlessChosen();
