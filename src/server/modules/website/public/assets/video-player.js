/*
 * The video manual's player (issue 24, item 4), on top of the browser's own accessible controls:
 * a line of the transcript or a part plays the video from its moment; the line being said is
 * marked; ?t=<seconds> starts there (a search result); the descriptions of the pictures are read
 * aloud on request, pausing the video while they are read (extended audio description, WCAG 1.2.5).
 * Without this script the same links open the video at their moment.
 */
(() => {
  const video = document.getElementById('chapter-video');
  if (!video) return;
  const seekTo = (seconds) => {
    video.currentTime = seconds;
    video.play().catch(() => {});
  };
  for (const list of document.querySelectorAll('.transcript, .parts')) {
    list.addEventListener('click', (event) => {
      const link = event.target.closest('a[data-start]');
      if (!link) return;
      event.preventDefault();
      seekTo(Number(link.dataset.start));
      video.focus();
    });
  }
  const start = Number(new URLSearchParams(location.search).get('t'));
  if (start > 0) {
    if (video.readyState >= 1) video.currentTime = start;
    else video.addEventListener('loadedmetadata', () => (video.currentTime = start), { once: true });
  }

  const lines = [...document.querySelectorAll('.transcript a[data-start]')];
  let current = null;
  video.addEventListener('timeupdate', () => {
    let now = null;
    for (const line of lines) if (Number(line.dataset.start) <= video.currentTime) now = line;
    if (now === current) return;
    current?.classList.remove('now');
    now?.classList.add('now');
    current = now;
  });

  const button = document.getElementById('describe');
  if (!button || !('speechSynthesis' in window)) return;
  const track = [...video.textTracks].find(
    (t) => t.kind === 'descriptions' && t.language === button.dataset.lang,
  );
  if (!track) return;
  button.parentElement.hidden = false;
  track.mode = 'hidden';
  let on = false;
  button.addEventListener('click', () => {
    on = !on;
    button.setAttribute('aria-pressed', String(on));
    if (!on) speechSynthesis.cancel();
  });
  track.addEventListener('cuechange', () => {
    if (!on) return;
    for (const cue of track.activeCues ?? []) {
      const words = new SpeechSynthesisUtterance(cue.text.replace(/<[^>]*>/g, ''));
      words.lang = track.language;
      const wasPlaying = !video.paused;
      video.pause();
      words.onend = () => {
        if (wasPlaying) video.play().catch(() => {});
      };
      speechSynthesis.speak(words);
    }
  });
})();
