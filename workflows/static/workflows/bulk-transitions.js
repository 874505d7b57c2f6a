/* The listing's bulk-action footer offers only the actions offered on at least one selected row. Each row's
   checkbox lists them (data-transitions); Wagtail's bulk-actions.js shows the footer and sends the selection.

   "Select all in the listing" (Wagtail's button, shown once every row on the page is selected) selects every
   row of the filtered listing, over all its pages: the footer then offers the actions that leave a state some
   row of the listing is in, as the results fragment's [data-workflow-listing] says, and words the count.
   The footer is fixed to the bottom of the window at every width; the listing keeps room below its last row
   for it while it shows. */
(() => {
  const footer = () => document.querySelector('[data-bulk-action-footer]');
  const listing = () => document.querySelector('[data-workflow-listing]');
  let wholeListing = false;

  function offeredNames() {
    const offered = new Set();
    if (wholeListing) {
      (listing()?.dataset.transitions || '').split(' ').filter(Boolean).forEach((name) => offered.add(name));
      return offered;
    }
    document.querySelectorAll('[data-bulk-action-checkbox]:checked').forEach((box) => {
      (box.dataset.transitions || '').split(' ').filter(Boolean).forEach((name) => offered.add(name));
    });
    return offered;
  }

  function updateWholeListing() {
    const info = listing();
    const button = footer().querySelector('[data-bulk-action-num-objects-in-listing]');
    if (!button) return;
    if (!info || info.dataset.pages !== 'several') {
      button.classList.add('w-hidden');
      return;
    }
    button.textContent = info.dataset.selectAllText;
    if (wholeListing) {
      footer().querySelector('[data-bulk-action-num-objects]').textContent = info.dataset.selectedAllText;
    }
  }

  function keepRoomForFooter() {
    const results = document.getElementById('listing-results');
    if (!results) return;
    const shown = !footer().classList.contains('hidden');
    results.style.paddingBottom = shown ? `${footer().offsetHeight}px` : '';
  }

  function update() {
    const offered = offeredNames();
    let shown = 0;
    footer().querySelectorAll('[data-bulk-transition]').forEach((item) => {
      const visible = offered.has(item.dataset.bulkTransition);
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    footer().querySelector('[data-bulk-transition-none]').classList.toggle('w-hidden', shown > 0);
    updateWholeListing();
    keepRoomForFooter();
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!footer()) return;
    // Wagtail's script sets the boxes (select all, shift-click) and fires "change" on each; react after it.
    document.addEventListener('change', (event) => {
      if (event.target.matches('[data-bulk-action-checkbox], [data-bulk-action-select-all-checkbox]')) {
        // As in Wagtail's script: changing a row's box ends "the whole listing".
        if (event.target.matches('[data-bulk-action-checkbox]')) wholeListing = false;
        window.setTimeout(update, 0);
      }
    });
    footer().addEventListener('click', (event) => {
      if (event.target.closest('[data-bulk-action-num-objects-in-listing]')) {
        wholeListing = true;
        window.setTimeout(update, 0);
      }
    });
    document.addEventListener('w-swap:success', () => {
      wholeListing = false;
      window.setTimeout(update, 0);
    });
    window.addEventListener('resize', keepRoomForFooter);
    update();
  });
})();
