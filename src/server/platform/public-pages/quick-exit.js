/*
 * Quick exit, made faster: the "Leave now" link works without this file (a plain link); with it,
 * the page is blanked at once and replaced, so Back does not return to it, and Esc pressed twice
 * within a second does the same. No other script runs on the public pages.
 */
(() => {
  const link = document.querySelector('[data-quick-exit]');
  if (!link) return;
  const leave = (event) => {
    if (event) event.preventDefault();
    document.body.style.display = 'none';
    document.title = '';
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);
  let lastEscape = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const now = Date.now();
    if (now - lastEscape < 1000) leave(event);
    lastEscape = now;
  });
})();
