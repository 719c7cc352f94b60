/**
 * On pipeline pages the URL holds the request and the step; Starlight's language picker navigates to the other
 * locale's path only. This listener runs first (capture phase) and carries the query and the hash along.
 */
document.addEventListener(
  'change',
  (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !select.closest('starlight-lang-select')) return;
    event.stopImmediatePropagation();
    location.assign(`${select.value}${location.search}${location.hash}`);
  },
  { capture: true },
);
