/* The listing's bulk-action footer offers only the actions offered on at least one selected row. Each row's
   checkbox lists them (data-transitions); Wagtail's bulk-actions.js shows the footer and sends the selection. */
(() => {
  const footer = () => document.querySelector('[data-bulk-action-footer]');

  function update() {
    const offered = new Set();
    document.querySelectorAll('[data-bulk-action-checkbox]:checked').forEach((box) => {
      (box.dataset.transitions || '').split(' ').filter(Boolean).forEach((name) => offered.add(name));
    });
    let shown = 0;
    footer().querySelectorAll('[data-bulk-transition]').forEach((item) => {
      const visible = offered.has(item.dataset.bulkTransition);
      item.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    footer().querySelector('[data-bulk-transition-none]').classList.toggle('w-hidden', shown > 0);
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!footer()) return;
    // Wagtail's script sets the boxes (select all, shift-click) and fires "change" on each; react after it.
    document.addEventListener('change', (event) => {
      if (event.target.matches('[data-bulk-action-checkbox], [data-bulk-action-select-all-checkbox]')) {
        window.setTimeout(update, 0);
      }
    });
    document.addEventListener('w-swap:success', () => window.setTimeout(update, 0));
    update();
  });
})();
